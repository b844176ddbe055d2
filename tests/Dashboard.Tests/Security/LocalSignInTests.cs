using AgentOps.Dashboard.Hosting;
using AgentOps.Dashboard.Security;
using AgentOps.Dashboard.Security.Local;
using AgentOps.Dashboard.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Dashboard.Tests.Security;

public sealed class LocalSignInTests
{
    private const string OliviasPassword = "correct horse battery staple";

    private static readonly string OliviasHash = PasswordHashing.Hash(OliviasPassword);

    private readonly FakeTimeProvider _clock = new(Data.Now);

    private LocalSignIn SignIn(int maxFailures = 5)
    {
        var users = new LocalUserDirectory([new LocalUser("olivia", OliviasHash, new ProjectGrants([new("default", ProjectRole.Operator)]))]);
        var throttle = new SignInThrottle(_clock, Options.Create(new SignInOptions { MaxFailedAttempts = maxFailures, LockoutDuration = TimeSpan.FromMinutes(5) }));
        return new LocalSignIn(users, throttle, NullLogger<LocalSignIn>.Instance);
    }

    [Fact]
    public void Passwords_are_kept_as_salted_identity_v3_hashes_and_verified()
    {
        var hash = PasswordHashing.Hash("a long enough password");

        Assert.True(PasswordHashing.IsV3(hash));
        Assert.DoesNotContain("a long enough password", hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, PasswordHashing.Hash("a long enough password")); // a new salt each time
        Assert.True(PasswordHashing.Verify(hash, "a long enough password"));
        Assert.False(PasswordHashing.Verify(hash, "a long enough passworD"));
        Assert.False(PasswordHashing.Verify("not base64 at all!", "x"));
        Assert.False(PasswordHashing.IsV3(null));
        Assert.False(PasswordHashing.IsV3(Convert.ToBase64String(new byte[49]))); // V2: 1,000 SHA-1 iterations
    }

    [Fact]
    public void The_right_password_signs_in_whatever_the_case_of_the_name()
    {
        var attempt = SignIn().Attempt("Olivia ", OliviasPassword);

        Assert.Equal(SignInOutcome.SignedIn, attempt.Outcome);
        Assert.Equal("olivia", attempt.User!.Name);
        var user = DashboardClaims.ToUser(attempt.User.ToPrincipal());
        Assert.Equal(ProjectRole.Operator, user.Grants.RoleIn("default"));
    }

    [Fact]
    public void A_wrong_password_and_an_unknown_name_get_the_same_answer()
    {
        var signIn = SignIn();

        var wrongPassword = signIn.Attempt("olivia", "not the password");
        var unknownName = signIn.Attempt("nobody", OliviasPassword);
        var empty = signIn.Attempt("", "");

        Assert.Equal(new SignInAttempt(SignInOutcome.Refused), wrongPassword);
        Assert.Equal(wrongPassword, unknownName);
        Assert.Equal(wrongPassword, empty);
        Assert.Equal(wrongPassword, signIn.Attempt("olivia", new string('x', LocalSignIn.MaxInputLength + 1)));
    }

    [Fact]
    public void Repeated_failures_lock_the_name_out_even_for_the_right_password_until_the_lockout_ends()
    {
        var signIn = SignIn(maxFailures: 5);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Refused, signIn.Attempt("olivia", $"guess {i}").Outcome);
        }

        Assert.Equal(SignInOutcome.Refused, signIn.Attempt("olivia", "guess 5").Outcome); // the fifth failure locks
        Assert.Equal(SignInOutcome.LockedOut, signIn.Attempt("olivia", OliviasPassword).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, signIn.Attempt("OLIVIA", OliviasPassword).Outcome);

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(SignInOutcome.LockedOut, signIn.Attempt("olivia", OliviasPassword).Outcome);
        _clock.Advance(TimeSpan.FromMinutes(1.1));
        Assert.Equal(SignInOutcome.SignedIn, signIn.Attempt("olivia", OliviasPassword).Outcome);
    }

    [Fact]
    public void Unknown_names_are_locked_out_the_same_way_so_a_lockout_does_not_tell_which_names_exist()
    {
        var signIn = SignIn(maxFailures: 3);
        for (var i = 0; i < 3; i++)
        {
            signIn.Attempt("nobody", "guess");
            signIn.Attempt("olivia", "guess");
        }

        Assert.Equal(SignInOutcome.LockedOut, signIn.Attempt("nobody", "guess").Outcome);
        Assert.Equal(SignInOutcome.LockedOut, signIn.Attempt("olivia", "guess").Outcome);
    }

    [Fact]
    public void A_success_clears_the_failures_and_failures_long_ago_do_not_add_up()
    {
        var signIn = SignIn(maxFailures: 3);
        signIn.Attempt("olivia", "guess");
        signIn.Attempt("olivia", "guess");
        Assert.Equal(SignInOutcome.SignedIn, signIn.Attempt("olivia", OliviasPassword).Outcome);
        signIn.Attempt("olivia", "guess");
        signIn.Attempt("olivia", "guess");
        _clock.Advance(TimeSpan.FromMinutes(6));
        signIn.Attempt("olivia", "guess");

        Assert.Equal(SignInOutcome.SignedIn, signIn.Attempt("olivia", OliviasPassword).Outcome);
    }

    [Fact]
    public void The_throttle_forgets_the_stalest_names_beyond_its_bound()
    {
        var throttle = new SignInThrottle(_clock, Options.Create(new SignInOptions { MaxFailedAttempts = 2 }));
        throttle.RecordFailure("first");
        throttle.RecordFailure("first");
        Assert.NotNull(throttle.LockedOutFor("first"));
        _clock.Advance(TimeSpan.FromMinutes(10));
        for (var i = 0; i <= SignInThrottle.MaxTracked; i++)
        {
            throttle.RecordFailure($"name-{i}");
        }

        Assert.Null(throttle.LockedOutFor("first"));
    }

    [Fact]
    public void A_session_stays_valid_until_its_user_is_removed_or_changes_password()
    {
        var olivia = new LocalUser("olivia", OliviasHash, new ProjectGrants([new("default", ProjectRole.Operator)]));
        var session = olivia.ToPrincipal();

        Assert.True(LocalCircuitRevalidator.IsStillValid(new LocalUserDirectory([olivia]), session));
        Assert.True(LocalCircuitRevalidator.IsStillValid(new LocalUserDirectory([olivia with { Grants = ProjectGrants.None }]), session)); // roles are re-read, not a reason to end
        Assert.False(LocalCircuitRevalidator.IsStillValid(new LocalUserDirectory([]), session));
        Assert.False(LocalCircuitRevalidator.IsStillValid(new LocalUserDirectory([new LocalUser("olivia", PasswordHashing.Hash("a new long password"), olivia.Grants)]), session));
    }

    [Fact]
    public void Configured_users_are_validated_without_echoing_their_hashes()
    {
        var good = PasswordHashing.Hash("a long enough password");
        var (users, errors) = LocalUserValidation.Validate(
        [
            new() { Name = "ana", PasswordHash = good, Projects = new() { ["alpha"] = "admin", ["beta"] = "Viewer" } },
            new() { Name = "ANA", PasswordHash = good },
            new() { Name = "bob", PasswordHash = "plain-text-password" },
            new() { Name = "cy", PasswordHash = good, Projects = new() { ["alpha"] = "owner" } },
            new() { Name = "dee", PasswordHash = good, Projects = new() { ["bad project"] = "viewer" } },
            new() { Name = "has space", PasswordHash = good },
        ]);

        var ana = Assert.Single(users);
        Assert.Equal(ProjectRole.Viewer, ana.Grants.RoleIn("beta"));
        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Contains("configured twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Users:2:PasswordHash of 'bob' is not an ASP.NET Core Identity V3 hash", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Projects:alpha must be viewer, operator or admin", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'bad project' is not a valid project id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Users:5:Name", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains(good, StringComparison.Ordinal) || e.Contains("plain-text-password", StringComparison.Ordinal));
    }

    [Fact]
    public void The_hash_password_command_hashes_stdin_and_refuses_short_passwords()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, HashPasswordCommand.Run(new StringReader("correct horse battery staple\n"), output, error, interactive: false));
        var hash = output.ToString().Trim();
        Assert.True(PasswordHashing.Verify(hash, "correct horse battery staple"));
        Assert.DoesNotContain("horse", output.ToString() + error, StringComparison.Ordinal);

        using var shortOutput = new StringWriter();
        Assert.Equal(2, HashPasswordCommand.Run(new StringReader("short\n"), shortOutput, error, interactive: false));
        Assert.Empty(shortOutput.ToString());
        Assert.Contains("at least 12 characters", error.ToString(), StringComparison.Ordinal);
    }
}
