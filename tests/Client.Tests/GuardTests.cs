using System.Net;
using AgentOps.Client.Events;
using AgentOps.Client.Guard;
using AgentOps.Client.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AgentOps.Client.Tests;

public sealed class GuardTests
{
    [Fact]
    public async Task The_servers_decision_is_returned_and_the_request_follows_the_contract()
    {
        await using var f = await ClientFixture.StartAsync(setUp: server =>
            server.ReplyToGuard(Replies.Guard(allow: false, ["agent is paused"], runCostUsd: 1.5, dailyCostUsd: 12.25)));

        var decision = await f.Client.GuardAsync(new GuardRequest("agent-1", "run-1")
        {
            Tool = "write_file",
            Action = ToolAction.Write,
            Target = "db:production.orders",
            EstimatedCostUsd = 0.25,
        });

        Assert.False(decision.Allow);
        Assert.Equal(["agent is paused"], decision.Reasons);
        Assert.Equal(1.5, decision.RunCostUsd);
        Assert.Equal(12.25, decision.DailyCostUsd);
        Assert.Equal(GuardDecisionSource.Server, decision.Source);
        Assert.True(decision.IsFromServer);
        Assert.Equal(GuardFailure.None, decision.Failure);

        var request = Assert.Single(f.Server.GuardRequests);
        Assert.Equal("Bearer test-key", request.Authorization);
        var body = request.Json!.Value;
        Assert.Equal("agent-1", body.GetProperty("agentId").GetString());
        Assert.Equal("run-1", body.GetProperty("runId").GetString());
        Assert.Equal("write_file", body.GetProperty("tool").GetString());
        Assert.Equal("write", body.GetProperty("action").GetString());
        Assert.Equal("db:production.orders", body.GetProperty("target").GetString());
        Assert.Equal(0.25, body.GetProperty("estimatedCostUsd").GetDouble());
        Assert.Equal(6, body.EnumerateObject().Count()); // nothing else (no timeout, no failure mode)
    }

    [Theory]
    [InlineData(GuardFailureMode.FailOpen, true)]
    [InlineData(GuardFailureMode.FailClosed, false)]
    public async Task A_guard_that_does_not_answer_in_time_is_decided_by_the_failure_mode(GuardFailureMode mode, bool allowed)
    {
        await using var f = await ClientFixture.StartAsync(
            o => o.GuardFailureMode = mode,
            server => server.DefaultGuardReply = Replies.Hang(server));

        var check = f.Client.GuardAsync(new GuardRequest("agent-1", "run-1") { Tool = "drop_table" });
        await Eventually.AssertAsync(() => Assert.Single(f.Server.GuardRequests));
        f.Time.Advance(TimeSpan.FromMilliseconds(249));
        await Task.Delay(100);
        Assert.False(check.IsCompleted); // 250 ms of (fake) time have not passed

        f.Time.Advance(TimeSpan.FromMilliseconds(1));
        var decision = await check;
        Assert.Equal(allowed, decision.Allow);
        Assert.Equal(GuardDecisionSource.FailureMode, decision.Source);
        Assert.Equal(GuardFailure.Timeout, decision.Failure);
        Assert.Null(decision.RunCostUsd);
        var reason = Assert.Single(decision.Reasons);
        Assert.Contains("timed out after 250 ms", reason, StringComparison.Ordinal);
        Assert.Contains(allowed ? "failing open" : "failing closed", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeout_and_failure_mode_can_be_set_per_call()
    {
        await using var f = await ClientFixture.StartAsync(
            o => o.GuardFailureMode = GuardFailureMode.FailOpen,
            server => server.DefaultGuardReply = Replies.Hang(server));

        var check = f.Client.GuardAsync(new GuardRequest("agent-1", "run-1")
        {
            Timeout = TimeSpan.FromSeconds(2),
            FailureMode = GuardFailureMode.FailClosed,
        });
        await Eventually.AssertAsync(() => Assert.Single(f.Server.GuardRequests));
        f.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(100);
        Assert.False(check.IsCompleted);

        f.Time.Advance(TimeSpan.FromSeconds(1));
        var decision = await check;
        Assert.False(decision.Allow);
        Assert.Equal(GuardFailure.Timeout, decision.Failure);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task An_HTTP_error_is_decided_by_the_failure_mode_and_says_so(int status)
    {
        await using var f = await ClientFixture.StartAsync(
            o => o.GuardFailureMode = GuardFailureMode.FailClosed,
            server => server.DefaultGuardReply = Replies.Status(status));

        var decision = await f.Client.GuardAsync(new GuardRequest("agent-1", "run-1"));
        Assert.False(decision.Allow);
        Assert.Equal(GuardDecisionSource.FailureMode, decision.Source);
        Assert.Equal(GuardFailure.HttpError, decision.Failure);
        Assert.Equal((HttpStatusCode)status, decision.FailureStatusCode);
        Assert.Contains($"HTTP {status}", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_answer_is_decided_by_the_failure_mode()
    {
        await using var f = await ClientFixture.StartAsync(setUp: server =>
            server.DefaultGuardReply = (context, _) => context.Response.WriteAsync("not json"));

        var decision = await f.Client.GuardAsync(new GuardRequest("agent-1", "run-1"));
        Assert.True(decision.Allow);
        Assert.Equal(GuardFailure.InvalidResponse, decision.Failure);
    }

    [Fact]
    public async Task An_unreachable_server_is_decided_by_the_failure_mode()
    {
        Uri closed;
        await using (var server = await FakeAgentOpsServer.StartAsync())
        {
            closed = server.BaseAddress;
        }

        await using var client = new AgentOpsClient(new AgentOpsClientOptions { BaseAddress = closed, AgentId = "a", GuardTimeout = TimeSpan.FromSeconds(30) });
        var decision = await client.GuardAsync(new GuardRequest("agent-1", "run-1"));
        Assert.True(decision.Allow);
        Assert.Equal(GuardDecisionSource.FailureMode, decision.Source);
        Assert.Equal(GuardFailure.NetworkError, decision.Failure);
    }

    [Fact]
    public async Task Cancelling_the_callers_token_throws_instead_of_deciding()
    {
        await using var f = await ClientFixture.StartAsync(setUp: server => server.DefaultGuardReply = Replies.Hang(server));
        using var cancel = new CancellationTokenSource();
        var check = f.Client.GuardAsync(new GuardRequest("agent-1", "run-1"), cancel.Token);
        await Eventually.AssertAsync(() => Assert.Single(f.Server.GuardRequests));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check);
    }

    [Fact]
    public async Task A_run_scope_asks_the_guard_for_its_own_run()
    {
        await using var f = await ClientFixture.StartAsync();
        using var run = f.Client.StartRun(runId: "run-42", agentId: "agent-9");

        var decision = await run.GuardAsync("deploy", ToolAction.Execute, "prod", estimatedCostUsd: 1);
        Assert.True(decision.Allow);
        var body = Assert.Single(f.Server.GuardRequests).Json!.Value;
        Assert.Equal("agent-9", body.GetProperty("agentId").GetString());
        Assert.Equal("run-42", body.GetProperty("runId").GetString());
        Assert.Equal("execute", body.GetProperty("action").GetString());
    }

    [Fact]
    public void A_cost_or_timeout_the_server_could_never_take_is_refused_when_the_request_is_built()
    {
        foreach (var cost in new[] { double.NaN, double.PositiveInfinity, -0.01, 1e9 })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new GuardRequest("a", "r") { EstimatedCostUsd = cost });
        }

        foreach (var timeout in new[] { TimeSpan.Zero, System.Threading.Timeout.InfiniteTimeSpan, TimeSpan.MaxValue })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new GuardRequest("a", "r") { Timeout = timeout });
        }

        Assert.Equal(0.5, new GuardRequest("a", "r") { EstimatedCostUsd = 0.5, Timeout = TimeSpan.FromSeconds(1) }.EstimatedCostUsd);
    }
}
