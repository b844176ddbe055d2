using AgentOps.Dashboard.Hosting;

namespace AgentOps.Dashboard.Security.Local;

/// <summary>
/// The local users, looked up by name (case-insensitive). Built once at start-up from configuration; in Development with
/// no user configured it holds the development user instead; anywhere else with no user, it is empty and nobody can sign in.
/// </summary>
public sealed partial class LocalUserDirectory
{
    private readonly Dictionary<string, LocalUser> _byName;

    public LocalUserDirectory(IEnumerable<LocalUser> users) =>
        _byName = users.ToDictionary(u => u.Name, StringComparer.OrdinalIgnoreCase);

    public int Count => _byName.Count;

    public LocalUser? Find(string name) => _byName.GetValueOrDefault(name);

    public static LocalUserDirectory Create(DashboardOptions dashboard, SignInOptions signIn, IHostEnvironment environment, ILogger logger)
    {
        var (users, errors) = LocalUserValidation.Validate(dashboard.Users);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The dashboard's users are misconfigured:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
        }

        if (users.Count > 0)
        {
            LogUsers(logger, users.Count);
            return new LocalUserDirectory(users);
        }

        if (!environment.IsDevelopment())
        {
            LogNobody(logger, environment.EnvironmentName);
            return new LocalUserDirectory([]);
        }

        var file = Path.Combine(environment.ContentRootPath, signIn.DevPasswordFile);
        var password = DevPassword.ReadOrCreate(file);
        var grants = new ProjectGrants(dashboard.EffectiveProjects.Select(p => new KeyValuePair<string, ProjectRole>(p, ProjectRole.Admin)));
        LogDevUser(logger, signIn.DevUserName, file, string.Join(", ", grants.Projects));
        return new LocalUserDirectory([new LocalUser(signIn.DevUserName, PasswordHashing.Hash(password), grants)]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dashboard sign-in: {Count} local user(s) configured.")]
    private static partial void LogUsers(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Dashboard sign-in: no user is configured (AgentOps:Dashboard:Users) in the {Environment} environment, so nobody can sign in. " +
        "Add users with a password hash made by 'dotnet AgentOps.Dashboard.dll hash-password', or use AgentOps:Dashboard:SignIn:Mode=EntraId.")]
    private static partial void LogNobody(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard sign-in: no user is configured; Development user '{Name}' (admin of {Projects}) signs in with the password kept in {File}.")]
    private static partial void LogDevUser(ILogger logger, string name, string file, string projects);
}
