using AgentOps.Alerts;
using AgentOps.Entities;
using AgentOps.Rules;

namespace AgentOps.Grains.Tests.Model;

public sealed class AlertReportQueueTests
{
    private static AlertView Alert(string id, AlertState state, long revision) => new()
    {
        AlertId = id,
        RuleId = "r",
        Metric = "errorRate",
        Scope = EntityKind.Agent,
        EntityId = "a",
        State = state,
        Severity = AlertSeverity.Warning,
        Summary = "errors",
        Revision = revision,
    };

    [Fact]
    public async Task A_report_the_board_refuses_waits_with_every_later_one_and_all_go_in_order_next_time()
    {
        var queue = new AlertReportQueue();
        var board = new List<string>();
        var refuse = true;
        Task Report(AlertView alert)
        {
            if (refuse && alert.State == AlertState.Firing)
            {
                throw new TimeoutException("the board's storage did not answer");
            }

            board.Add($"{alert.AlertId}:{alert.State}");
            return Task.CompletedTask;
        }

        queue.Add([Alert("x", AlertState.Pending, 1), Alert("x", AlertState.Firing, 2), Alert("y", AlertState.Firing, 3)]);
        await Assert.ThrowsAsync<TimeoutException>(() => queue.SendAsync(Report));
        Assert.Equal(["x:Pending"], board);
        Assert.Equal(2, queue.Count);

        refuse = false;
        queue.Add([Alert("x", AlertState.Resolved, 4)]);
        await queue.SendAsync(Report);
        Assert.Equal(["x:Pending", "x:Firing", "y:Firing", "x:Resolved"], board);
        Assert.Equal(0, queue.Count);
    }
}
