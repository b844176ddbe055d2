using AgentOps.Dashboard.Security.Local;

namespace AgentOps.Dashboard.Hosting;

/// <summary>
/// <c>hash-password</c>: reads a password from standard input (typed without echo at a terminal, or the first line of
/// a pipe) and prints its hash for <c>AgentOps:Dashboard:Users:N:PasswordHash</c>. The password itself is never printed.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    public static int Run(TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        string? password;
        if (interactive)
        {
            error.Write("Password: ");
            password = ReadHidden();
            error.WriteLine();
        }
        else
        {
            password = input.ReadLine();
        }

        if (string.IsNullOrEmpty(password) || password.Length < PasswordHashing.MinimumLength)
        {
            error.WriteLine($"The password must have at least {PasswordHashing.MinimumLength} characters; nothing was hashed.");
            return 2;
        }

        if (password.Length > LocalSignIn.MaxInputLength)
        {
            error.WriteLine($"The password must have at most {LocalSignIn.MaxInputLength} characters; nothing was hashed.");
            return 2;
        }

        output.WriteLine(PasswordHashing.Hash(password));
        return 0;
    }

    private static string ReadHidden()
    {
        var password = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
