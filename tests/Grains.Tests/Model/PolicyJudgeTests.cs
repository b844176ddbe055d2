using AgentOps.Events;
using AgentOps.Policy;

namespace AgentOps.Grains.Tests.Model;

public sealed class PolicyJudgeTests
{
    private static readonly AutonomyPolicy Policy = new()
    {
        AllowedTools = ["read_*", "search", "db_write"],
        DeniedTools = ["drop_table"],
        WriteTargets = ["db:staging.*"],
        ApprovalRequiredFor = [ToolAction.Execute],
    };

    private static IReadOnlyList<string> Judge(AutonomyPolicy? policy, string tool, ToolAction action = ToolAction.Read, string? target = null, bool? approved = null, CallStatus status = CallStatus.Ok) =>
        PolicyJudge.Violations(policy, tool, action, target, approved, status);

    [Fact]
    public void A_call_inside_the_policy_is_no_violation()
    {
        Assert.Empty(Judge(Policy, "read_file"));
        Assert.Empty(Judge(Policy, "db_write", ToolAction.Write, "db:staging.users"));
        Assert.Empty(Judge(Policy, "search", ToolAction.Execute, approved: true));
    }

    [Fact]
    public void A_tool_outside_the_allowlist_is_a_violation()
    {
        var reasons = Assert.Single(Judge(Policy, "send_email"));
        Assert.Contains("not in allowedTools", reasons);
    }

    [Fact]
    public void A_denied_tool_is_a_violation_even_when_allowed()
    {
        var policy = Policy with { AllowedTools = ["*"] };
        Assert.Contains("deniedTools 'drop_table'", Assert.Single(Judge(policy, "DROP_TABLE")));
    }

    [Fact]
    public void A_write_outside_the_write_targets_is_a_violation()
    {
        Assert.Contains("outside writeTargets", Assert.Single(Judge(Policy, "db_write", ToolAction.Write, "db:production.users")));
        Assert.Contains("without a target", Assert.Single(Judge(Policy, "db_write", ToolAction.Write)));
    }

    [Fact]
    public void An_action_that_needs_approval_is_a_violation_unless_approved_is_true()
    {
        Assert.Contains("execute requires approval", Assert.Single(Judge(Policy, "search", ToolAction.Execute)));
        Assert.Single(Judge(Policy, "search", ToolAction.Execute, approved: false));
    }

    [Fact]
    public void A_call_the_sandbox_denied_is_a_violation_without_any_policy()
    {
        Assert.Contains("sandbox", Assert.Single(Judge(null, "anything", status: CallStatus.Denied)));
        Assert.Empty(Judge(null, "anything"));
    }

    [Fact]
    public void Several_broken_conditions_give_one_call_several_reasons()
    {
        Assert.Equal(2, Judge(Policy, "db_write", ToolAction.Write, "db:production.users", status: CallStatus.Denied).Count);
    }

    [Theory]
    [InlineData("read_*", "read_file", true)]
    [InlineData("read_*", "read_", true)]
    [InlineData("read_*", "write_file", false)]
    [InlineData("db:staging.*", "db:staging.users", true)]
    [InlineData("db:staging.*", "db:production.users", false)]
    [InlineData("?at", "cat", true)]
    [InlineData("?at", "at", false)]
    [InlineData("*a*b*c*", "xxaxxbxxcxx", true)]
    [InlineData("*a*b*c*", "xxaxxcxxbxx", false)]
    [InlineData("Search", "search", true)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void Globs_match_the_whole_text_case_insensitively(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, Glob.IsMatch(pattern, text));
    }

    [Fact]
    public void A_pathological_glob_matches_in_linear_time()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 50)) + "b";
        var text = new string('a', 10_000);
        Assert.False(Glob.IsMatch(pattern, text));
    }
}
