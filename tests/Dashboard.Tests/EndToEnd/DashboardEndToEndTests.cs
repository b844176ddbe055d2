using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AgentOps.Dashboard.Tests.EndToEnd;

/// <summary>
/// The dashboard in a real browser against a real silo: the seed's stories pushed through the HTTP API show up live,
/// ack and silence work from the page, the window switch changes the figures, 10,000 agents render, and a silo
/// restart shows the banner and recovers. Every page needs sign-in: each person sees only their projects and the buttons
/// of their role, their actions land in the audit log, and no page reports a Content-Security-Policy violation.
/// Timings are measured and printed, never asserted.
/// </summary>
[TestCaseOrderer(PriorityOrderer.Name, PriorityOrderer.Assembly)]
public sealed class DashboardEndToEndTests(DashboardStack stack, ITestOutputHelper output) : IClassFixture<DashboardStack>
{
    private static readonly float Long = 60_000;
    private static readonly string FiguresFile = Path.Combine(AppContext.BaseDirectory, "dashboard-figures.txt");

    [Fact, Order(1)]
    public async Task The_fleet_shows_the_pr_reviewers_alert_live_and_new_agents_within_seconds()
    {
        var now = DateTimeOffset.UtcNow;
        await Stories.PostAsync(stack.Api, Stories.Background(now));
        await Stories.PostAsync(stack.Api, Stories.SupportBot(now));
        var page = await OpenAsync("/");
        await page.Locator("[data-entity='docs-qa']").WaitForAsync(new() { Timeout = Long });

        // The page is open and subscribed; the PR reviewer's story arrives: its row turns amber without a reload.
        var posted = Stopwatch.StartNew();
        await Stories.PostAsync(stack.Api, Stories.PrReviewer(DateTimeOffset.UtcNow));
        var reviewer = page.Locator("tr.fleet-row.sev-warning:has([data-entity='pr-reviewer'])");
        await reviewer.WaitForAsync(new() { Timeout = Long });
        var alertLatency = posted.Elapsed;
        await Assertions.Expect(reviewer.Locator("[data-cell=cost-per-success]")).ToContainTextAsync("(2.5x of $0.10)", new() { Timeout = Long });
        await Assertions.Expect(reviewer.Locator("[data-severity]")).ToHaveTextAsync("1 firing");

        // Event-to-page latency: a run of a new agent, posted while the page is open, until its row is on screen.
        await page.Locator("input[data-testid=fleet-filter]").FillAsync("probe-");
        var latencies = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var agent = $"probe-{i}-{Guid.NewGuid():N}"[..16];
            var watch = Stopwatch.StartNew();
            await Stories.PostAsync(stack.Api, Stories.Run(agent, $"{agent}-r", DateTimeOffset.UtcNow.AddSeconds(-5), 0.05, ["search"]));
            await page.Locator($"[data-entity='{agent}']").WaitForAsync(new() { Timeout = Long });
            latencies.Add(watch.Elapsed);
        }

        Report("Event-to-page latency (POST /v1/events accepted -> new fleet row visible, 5 probes)",
            $"median {Ms(Median(latencies))}, max {Ms(latencies.Max())}; all: {string.Join(", ", latencies.Select(Ms))}");
        Report("Alert-to-page latency (POST of the PR-reviewer story -> amber row with its firing alert)", Ms(alertLatency));

        await page.Locator("input[data-testid=fleet-filter]").FillAsync(string.Empty);
        await Assertions.Expect(page.Locator("[data-entity='docs-qa']")).ToBeVisibleAsync();
        await Stories.PostAsync(stack.Api, await Stories.MigratorPolicyAndRunAsync(stack.Api, "mig-1", DateTimeOffset.UtcNow.AddSeconds(-10)));
        await page.Locator("tr.fleet-row.sev-critical:has([data-entity='data-migrator'])").WaitForAsync(new() { Timeout = Long });
        await Assertions.Expect(page.Locator("tr.fleet-row").First).ToContainTextAsync("data-migrator"); // critical is pinned first
        await ScreenshotAsync(page, "fleet");

        // Dark theme: the toggle switches and is remembered in a cookie for the next visit.
        await page.Locator("[data-testid=theme-toggle]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=theme-toggle]")).ToHaveAttributeAsync("aria-label", "Switch to the light theme");
        var cookies = await page.Context.CookiesAsync();
        Assert.Contains(cookies, c => c.Name == "agentops-theme" && c.Value == "dark");
        await ScreenshotAsync(page, "fleet-dark");
        await page.Context.CloseAsync();
    }

    [Fact, Order(2)]
    public async Task The_entity_page_updates_live_and_the_window_switch_changes_the_figures()
    {
        var page = await OpenAsync("/agents/pr-reviewer");
        var costPerSuccess = page.Locator("[data-kpi=cost-per-success] .kpi-value");
        await Assertions.Expect(costPerSuccess).ToHaveTextAsync("$0.25", new() { Timeout = Long });
        await Assertions.Expect(page.Locator("[data-kpi=runs] .kpi-value")).ToHaveTextAsync("10");
        await Assertions.Expect(page.Locator("a[aria-label='Firing alert cost-per-successful-run-2x-median']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-chart=cost] svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-mix=tools] [data-mix-row=read_file]")).ToContainTextAsync("90");

        // A new review arrives while the page is open.
        await Stories.PostAsync(stack.Api, Stories.Run("pr-reviewer", "pr-new-live", DateTimeOffset.UtcNow.AddSeconds(-20), 0.25,
            [.. Enumerable.Repeat("read_file", 9), "search", "post_comment"], "code-review", "dev-1", "v42"));
        await Assertions.Expect(page.Locator("[data-kpi=runs] .kpi-value")).ToHaveTextAsync("11", new() { Timeout = Long });
        await Assertions.Expect(page.Locator("[data-run='pr-new-live']")).ToBeVisibleAsync();

        // The week blends 71 reviews at $0.10 with 11 at $0.25.
        await page.Locator("[aria-label^='Window 7d']").ClickAsync();
        await Assertions.Expect(costPerSuccess).ToHaveTextAsync("$0.12", new() { Timeout = Long });
        await Assertions.Expect(page.Locator("[data-kpi=runs] .kpi-value")).ToHaveTextAsync("82");
        Assert.EndsWith("/agents/pr-reviewer?window=7d", page.Url, StringComparison.Ordinal);

        await page.Locator("[aria-label^='Window 24h']").ClickAsync();
        // 23 or 24 hourly reviews (a 24h window spans 24 to 25 hour buckets) and the 11 new ones.
        await Assertions.Expect(page.Locator("[data-kpi=runs] .kpi-value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^3[45]$"), new() { Timeout = Long });
        await ScreenshotAsync(page, "entity");
        await page.Context.CloseAsync();
    }

    [Fact, Order(3)]
    public async Task The_run_replay_highlights_the_tool_call_outside_the_policy()
    {
        var page = await OpenAsync("/runs/mig-1");

        var violating = page.Locator("[data-violation=true]");
        await Assertions.Expect(violating).ToHaveCountAsync(1, new() { Timeout = Long });
        await Assertions.Expect(violating).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("step-violation"));
        await Assertions.Expect(violating).ToContainTextAsync("db:production.orders");
        await Assertions.Expect(violating).ToContainTextAsync("outside writeTargets");
        await Assertions.Expect(page.Locator("[data-step]")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("[data-violation=false]").Filter(new() { HasText = "db:staging.orders" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=run-agent]")).ToHaveAttributeAsync("href", "/agents/data-migrator");
        await Assertions.Expect(page.Locator("[data-testid=run-route]")).ToHaveAttributeAsync("href", "/routes/nightly-migrations");
        await Assertions.Expect(page.Locator("[data-testid=run-user]")).ToHaveAttributeAsync("href", "/users/svc-migrations");
        await ScreenshotAsync(page, "run-replay");

        await page.Locator("[data-testid=run-agent]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=violations] [data-violation]")).ToHaveCountAsync(1, new() { Timeout = Long });
        await Assertions.Expect(page.Locator("[data-testid=policy]")).ToContainTextAsync("db:staging.*");
        await page.Context.CloseAsync();
    }

    [Fact, Order(4)]
    public async Task Alerts_can_be_acknowledged_and_silenced_from_the_page()
    {
        // A fresh violation, so the migrator's 5-minute alert is firing whatever the time the earlier tests took.
        await Stories.PostAsync(stack.Api, Stories.MigratorRun("mig-2", DateTimeOffset.UtcNow.AddSeconds(-5)));
        var page = await OpenAsync("/alerts");
        var migrator = page.Locator("tr[data-state=firing]:has(a[href='/agents/data-migrator'])");
        await migrator.WaitForAsync(new() { Timeout = Long });

        await migrator.Locator("[data-action=ack]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=ack-by]")).ToContainTextAsync($"Acknowledging as {DashboardStack.Admin}");
        await page.Locator("textarea[data-testid=ack-comment]").FillAsync("on it: production is out of bounds");
        await page.Locator("[data-testid=ack-submit]").ClickAsync();
        await Assertions.Expect(migrator.Locator("[data-cell=ack]")).ToHaveTextAsync(DashboardStack.Admin, new() { Timeout = Long });
        await AssertEventuallyAsync(async () =>
        {
            var alerts = await Stories.GetJsonAsync(stack.Api, "/v1/alerts?entityId=data-migrator&state=firing");
            Assert.Equal(DashboardStack.Admin, (string?)alerts["items"]![0]!["acknowledgedBy"]);
        });

        var reviewer = page.Locator("tr[data-state=firing]:has(a[href='/agents/pr-reviewer'])");
        await reviewer.Locator("[data-action=silence]").ClickAsync();
        await Assertions.Expect(page.Locator("input[data-testid=silence-rule]")).ToHaveValueAsync("cost-per-successful-run-2x-median");
        await Assertions.Expect(page.Locator("input[data-testid=silence-entity]")).ToHaveValueAsync("pr-reviewer");
        await page.Locator("textarea[data-testid=silence-comment]").FillAsync("prompt v42 rollback in progress");
        await page.Locator("[data-testid=silence-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=silences]")).ToContainTextAsync("prompt v42 rollback in progress", new() { Timeout = Long });
        var silences = await Stories.GetJsonAsync(stack.Api, "/v1/silences");
        var silence = Assert.Single(silences["items"]!.AsArray());
        Assert.Equal("cost-per-successful-run-2x-median", (string?)silence!["matchers"]!["ruleId"]);
        Assert.Equal("agent", (string?)silence["matchers"]!["scope"]);
        Assert.Equal("pr-reviewer", (string?)silence["matchers"]!["entityId"]);
        Assert.Equal("prompt v42 rollback in progress", (string?)silence["comment"]);
        Assert.Equal($"user:{DashboardStack.Admin}", (string?)silence["createdBy"]);

        await ScreenshotAsync(page, "alerts");
        await page.Context.CloseAsync();
    }

    [Fact, Order(5)]
    public async Task The_rule_editor_shows_the_validators_errors_inline()
    {
        var page = await OpenAsync("/rules/retry-rate-above-20pct-10m");
        var window = page.Locator("input[data-field=window]");
        await Assertions.Expect(window).ToHaveValueAsync("10m", new() { Timeout = Long });

        await window.FillAsync("8d");
        await page.Locator("input[data-field=threshold]").FillAsync("a lot");
        await Assertions.Expect(page.Locator(".mud-input-control:has(input[data-field=window]) .mud-input-helper-text.mud-input-error")).ToContainTextAsync("window must be at most 7d");
        await Assertions.Expect(page.Locator(".mud-input-control:has(input[data-field=threshold]) .mud-input-helper-text.mud-input-error")).ToContainTextAsync("threshold must be a number");
        await page.Locator("[data-testid=rule-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rule-errors]")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "rules");
        var rule = await Stories.GetJsonAsync(stack.Api, "/v1/rules/retry-rate-above-20pct-10m");
        Assert.Equal("10m", (string?)rule["window"]);
        await page.Context.CloseAsync();
    }

    [Fact, Order(6)]
    public async Task Ten_thousand_agents_render_in_one_read_and_stay_responsive()
    {
        const int Agents = 10_000;
        var now = DateTimeOffset.UtcNow;
        var random = new Random(10_000);
        var events = Enumerable.Range(0, Agents).Select(i =>
            Ev.Of("llm_call", $"agent-{i:00000}", $"run-{i:00000}", now.AddSeconds(-random.Next(5, 3000)))
                .With("model", "gpt-4o-mini").With("inputTokens", 2_000).With("outputTokens", 300).With("costUsd", Math.Round(random.NextDouble() / 10, 4)));
        var posting = Stopwatch.StartNew();
        await Stories.PostAsync(stack.LoadApi, events);
        Report("Posting 10,000 agents' events (2 requests of 5,000)", Ms(posting.Elapsed));

        // Wait until the fleet grain has every row (entities publish within a second, shards forward every 250 ms).
        var warm = await OpenAsync($"/?project={DashboardStack.LoadProject}");
        await Assertions.Expect(warm.Locator("[data-testid=fleet-summary]")).ToContainTextAsync("10,000 agents", new() { Timeout = 120_000 });
        await warm.Context.CloseAsync();

        var renders = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var page = await stack.NewPageAsync();
            var watch = Stopwatch.StartNew();
            await page.GotoAsync($"/?project={DashboardStack.LoadProject}");
            await page.Locator("tr.fleet-row [data-entity]").First.WaitForAsync(new() { Timeout = Long });
            renders.Add(watch.Elapsed);
            await Assertions.Expect(page.Locator("[data-testid=fleet-summary]")).ToContainTextAsync("10,000 agents");
            var rendered = await page.Locator("tr.fleet-row").CountAsync();
            Assert.InRange(rendered, 1, 200); // virtualized: a screenful, not 10,000 rows

            if (i == 2)
            {
                await ScreenshotAsync(page, "fleet-10k");
                var filter = Stopwatch.StartNew();
                await page.Locator("input[data-testid=fleet-filter]").FillAsync("agent-09999");
                await Assertions.Expect(page.Locator("tr.fleet-row")).ToHaveCountAsync(1);
                Report("Filtering 10,000 rows to one (typed -> grid shows it)", Ms(filter.Elapsed));
                await page.Locator("input[data-testid=fleet-filter]").FillAsync(string.Empty);
                var scroll = Stopwatch.StartNew();
                await page.Locator(".fleet-grid .mud-table-container").EvaluateAsync("e => e.scrollTop = e.scrollHeight");
                await page.Locator("tr.fleet-row [data-entity]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("agent-0[0-9]{4}") }).Last.WaitForAsync();
                Report("Scrolling to the end of 10,000 rows (rows rendered there)", Ms(scroll.Elapsed));
            }

            await page.Context.CloseAsync();
        }

        Report("Fleet first render with 10,000 agents (navigation -> first grid row visible, fresh page each)",
            $"median {Ms(Median(renders))}, max {Ms(renders.Max())}; all: {string.Join(", ", renders.Select(Ms))}");
    }

    [Fact, Order(7)]
    public async Task Pages_without_sign_in_go_to_the_sign_in_page_and_a_wrong_password_is_refused_generically()
    {
        var page = await stack.NewPageAsync(user: null);
        foreach (var path in new[] { "/", "/alerts", "/rules", "/audit", "/runs/mig-1" })
        {
            await page.GotoAsync(path);
            Assert.Contains("/account/sign-in?ReturnUrl=", page.Url, StringComparison.Ordinal);
        }

        var response = await page.GotoAsync("/agents/pr-reviewer?window=24h");
        Assert.EndsWith("/account/sign-in?ReturnUrl=%2Fagents%2Fpr-reviewer%3Fwindow%3D24h", page.Url, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response!.Headers["content-security-policy"], StringComparison.Ordinal);

        async Task<string> RefusedAsync(string user, string password)
        {
            await page.Locator("input[data-testid=sign-in-user]").FillAsync(user);
            await page.Locator("input[data-testid=sign-in-password]").FillAsync(password);
            await page.Locator("[data-testid=sign-in-submit]").ClickAsync();
            return (await page.Locator("[data-testid=sign-in-error]").TextContentAsync())!.Trim();
        }

        var wrongPassword = await RefusedAsync(DashboardStack.Viewer, "not-the-password");
        var unknownUser = await RefusedAsync("nobody-" + Guid.NewGuid().ToString("N")[..6], "not-the-password");
        Assert.Equal("The user name or password is not right.", wrongPassword);
        Assert.Equal(wrongPassword, unknownUser);
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);

        await page.Locator("input[data-testid=sign-in-user]").FillAsync(DashboardStack.Viewer);
        await page.Locator("input[data-testid=sign-in-password]").FillAsync(stack.PasswordOf(DashboardStack.Viewer));
        await page.Locator("[data-testid=sign-in-submit]").ClickAsync();
        await page.Locator("[data-testid=entity-id]").WaitForAsync(new() { Timeout = Long });
        Assert.EndsWith("/agents/pr-reviewer?window=24h", page.Url, StringComparison.Ordinal);
        Assert.Equal(DashboardStack.Viewer, (await page.Locator("[data-testid=user-name]").TextContentAsync())!.Trim());

        // Signing out posts the page's antiforgery token from inside the circuit and ends the session.
        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await page.Locator("[data-testid=signed-out]").WaitForAsync(new() { Timeout = Long });
        await page.GotoAsync("/alerts");
        Assert.Contains("/account/sign-in?ReturnUrl=%2Falerts", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
        var signIn = await SignInPageAsync();
        await ScreenshotAsync(signIn, "sign-in");
        await signIn.Context.CloseAsync();
    }

    [Fact, Order(8)]
    public async Task A_viewer_sees_only_its_project_cannot_open_another_projects_agent_and_has_no_action_buttons()
    {
        var now = DateTimeOffset.UtcNow;
        await Stories.PostAsync(stack.LoadApi, Stories.Run("fleet10k-secret", "secret-1", now.AddSeconds(-10), 0.5, ["search"]));
        await Stories.PostAsync(stack.Api, Stories.DeniedRun("viewer-probe", "viewer-probe-1", now.AddSeconds(-5)));
        var page = await OpenAsync("/", DashboardStack.Viewer);

        await Assertions.Expect(page.Locator("[data-testid=project-current]")).ToHaveTextAsync(DashboardStack.DefaultProject);
        await Assertions.Expect(page.Locator("[data-testid=project-switcher]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("viewer");
        Assert.DoesNotContain(DashboardStack.LoadProject, await page.ContentAsync(), StringComparison.Ordinal);

        // Another project's agent, one that does not exist there, and a project that does not exist: the same not-found page.
        var answers = new List<string>();
        foreach (var path in new[] { "/agents/fleet10k-secret?project=fleet10k", "/agents/no-such-agent?project=fleet10k", "/runs/secret-1?project=fleet10k", "/agents/fleet10k-secret?project=no-such-project" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found", new() { Timeout = Long });
            await Assertions.Expect(page.Locator("[data-testid=entity-id]")).ToHaveCountAsync(0);
            answers.Add((await page.Locator("#main").InnerTextAsync()).Trim());
        }

        Assert.Single(answers.Distinct());
        Assert.DoesNotContain("fleet10k-secret", answers[0], StringComparison.Ordinal);

        // In the app too: following a link to another project's address answers the same.
        await page.GotoAsync("/");
        await page.Locator("[data-circuit=ready]").WaitForAsync();
        await page.EvaluateAsync("() => Blazor.navigateTo('/agents/fleet10k-secret?project=fleet10k')");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found", new() { Timeout = Long });

        var alerts = await OpenAsync("/alerts", DashboardStack.Viewer);
        await alerts.Locator("tr[data-state=firing]:has(a[href='/agents/viewer-probe'])").WaitForAsync(new() { Timeout = Long });
        await Assertions.Expect(alerts.Locator("[data-action=ack]")).ToHaveCountAsync(0);
        await Assertions.Expect(alerts.Locator("[data-action=silence]")).ToHaveCountAsync(0);
        await Assertions.Expect(alerts.Locator("[data-testid=nav-audit]")).ToHaveCountAsync(0);

        var rules = await OpenAsync("/rules", DashboardStack.Viewer);
        await rules.Locator("[data-testid=rules]").WaitForAsync(new() { Timeout = Long });
        await Assertions.Expect(rules.Locator("[data-testid=rule-new]")).ToHaveCountAsync(0);
        await Assertions.Expect(rules.Locator("[data-action=delete]")).ToHaveCountAsync(0);

        var audit = await OpenAsync("/audit", DashboardStack.Viewer);
        await Assertions.Expect(audit.Locator("[data-testid=audit-forbidden]")).ToBeVisibleAsync(new() { Timeout = Long });
        foreach (var open in new[] { page, alerts, rules, audit })
        {
            await open.Context.CloseAsync();
        }
    }

    [Fact, Order(9)]
    public async Task An_operator_acks_an_alert_and_the_audit_page_shows_it_done_by_that_user()
    {
        await Stories.PostAsync(stack.Api, Stories.DeniedRun("operator-probe", "operator-probe-1", DateTimeOffset.UtcNow.AddSeconds(-5)));
        var page = await OpenAsync("/alerts", DashboardStack.Operator);
        var row = page.Locator("tr[data-state=firing]:has(a[href='/agents/operator-probe'])");
        await row.WaitForAsync(new() { Timeout = Long });
        await Assertions.Expect(page.Locator("[data-testid=user-role]")).ToHaveTextAsync("operator");
        var alertId = await row.GetAttributeAsync("data-alert");

        await row.Locator("[data-action=ack]").ClickAsync();
        await page.Locator("textarea[data-testid=ack-comment]").FillAsync("olivia takes it");
        await page.Locator("[data-testid=ack-submit]").ClickAsync();
        await Assertions.Expect(row.Locator("[data-cell=ack]")).ToHaveTextAsync(DashboardStack.Operator, new() { Timeout = Long });
        await Assertions.Expect(row.Locator("[data-action=silence]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=nav-audit]")).ToHaveCountAsync(0);
        var rules = await OpenAsync("/rules", DashboardStack.Operator);
        await rules.Locator("[data-testid=rules]").WaitForAsync(new() { Timeout = Long });
        await Assertions.Expect(rules.Locator("[data-testid=rule-new]")).ToHaveCountAsync(0);

        var audit = await OpenAsync("/audit", DashboardStack.Admin);
        var entry = audit.Locator($"tr[data-audit-action='alert.ack'][data-audit-actor='user:{DashboardStack.Operator}'][data-audit-target='alert/{alertId}']");
        await AssertEventuallyAsync(async () =>
        {
            await audit.Locator("[data-testid=audit-refresh]").ClickAsync();
            await Assertions.Expect(entry).ToHaveCountAsync(1, new() { Timeout = 2_000 });
        });
        await Assertions.Expect(entry.Locator("[data-cell=detail]")).ToContainTextAsync("olivia takes it");

        await audit.Locator("input[data-testid=audit-actor]").FillAsync($"user:{DashboardStack.Operator}");
        await Assertions.Expect(audit.Locator($"tr[data-audit-actor]:not([data-audit-actor='user:{DashboardStack.Operator}'])")).ToHaveCountAsync(0, new() { Timeout = Long });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await ScreenshotAsync(audit, "audit");
        foreach (var open in new[] { page, rules, audit })
        {
            await open.Context.CloseAsync();
        }
    }

    [Fact, Order(10)]
    public async Task No_page_reports_a_content_security_policy_violation()
    {
        var signIn = await SignInPageAsync();
        await signIn.Context.CloseAsync();
        foreach (var path in new[] { "/", "/?kind=route", "/agents/pr-reviewer", "/runs/mig-1", "/alerts", "/rules/retry-rate-above-20pct-10m", "/audit" })
        {
            var page = await OpenAsync(path);
            await page.WaitForTimeoutAsync(500); // let charts, popovers and late styles settle
            if (path == "/")
            {
                await page.Locator("[data-testid=theme-toggle]").ClickAsync(); // the theme provider rewrites its style element
                await page.WaitForTimeoutAsync(300);
            }

            await page.Context.CloseAsync();
        }

        Assert.True(stack.CspViolations.IsEmpty, "Content-Security-Policy violations:" + Environment.NewLine + string.Join(Environment.NewLine, stack.CspViolations));

        // The watch itself works: an inline script without the nonce is refused and reported.
        var probe = await OpenAsync("/");
        await probe.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.cspProbe = 1'; document.body.appendChild(s); }");
        await AssertEventuallyAsync(() =>
        {
            Assert.Contains(stack.CspViolations, v => v.Contains("inline script", StringComparison.OrdinalIgnoreCase));
            return Task.CompletedTask;
        });
        Assert.Null(await probe.EvaluateAsync<int?>("() => window.cspProbe ?? null"));
        await probe.Context.CloseAsync();
    }

    [Fact, Order(100)]
    public async Task With_the_silo_killed_pages_show_the_banner_and_recover_when_it_is_back()
    {
        var page = await OpenAsync("/");
        await page.Locator("tr.fleet-row [data-entity]").First.WaitForAsync(new() { Timeout = Long });

        stack.KillSilo();
        var banner = page.Locator("[data-testid=connection-banner]");
        await Assertions.Expect(banner).ToContainTextAsync("Silo unreachable, retrying", new() { Timeout = Long });
        await Assertions.Expect(page.Locator("tr.fleet-row").First).ToBeVisibleAsync(); // the last figures stay on screen
        await ScreenshotAsync(page, "silo-unreachable");

        // A page opened during the outage is not blank either.
        var during = await OpenAsync("/alerts");
        await Assertions.Expect(during.Locator("[data-testid=connection-banner]")).ToBeVisibleAsync(new() { Timeout = Long });
        await Assertions.Expect(during.Locator("h1")).ToHaveTextAsync("Alerts");

        var restart = Stopwatch.StartNew();
        await stack.StartSiloAsync();
        await Assertions.Expect(banner).ToHaveCountAsync(0, new() { Timeout = 120_000 });
        await Assertions.Expect(during.Locator("[data-testid=connection-banner]")).ToHaveCountAsync(0, new() { Timeout = 120_000 });
        Report("Silo restart -> banner gone (includes the silo's own start)", Ms(restart.Elapsed));

        // The subscription was renewed by itself: an event after the restart shows up live on the same page.
        await Stories.PostAsync(stack.Api, Stories.Run("after-restart", "after-restart-1", DateTimeOffset.UtcNow.AddSeconds(-5), 0.5, ["search"]));
        await page.Locator("[data-entity='after-restart']").WaitForAsync(new() { Timeout = Long });
        await page.Context.CloseAsync();
        await during.Context.CloseAsync();
    }

    private async Task<IPage> OpenAsync(string path, string user = DashboardStack.Admin)
    {
        var page = await stack.NewPageAsync(user);
        await page.GotoAsync(path);
        try
        {
            // No prerendering: anything in the layout's container means the circuit is up and handlers are attached.
            await page.Locator("[data-circuit=ready]").WaitForAsync(new() { Timeout = Long });
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The dashboard did not render {path}.{Environment.NewLine}{stack.Diagnostics()}");
        }

        return page;
    }

    /// <summary>The sign-in page, as someone not signed in sees it.</summary>
    private async Task<IPage> SignInPageAsync()
    {
        var page = await stack.NewPageAsync(user: null);
        await page.GotoAsync("/account/sign-in");
        await page.Locator("[data-testid=sign-in-form]").WaitForAsync();
        return page;
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Repo.Screenshots);
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.Mouse.MoveAsync(700, 5); // no hover tooltip in the picture
        await page.WaitForTimeoutAsync(600); // let charts, snackbars and transitions settle
        await page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, name + ".png"), FullPage = true });
    }

    private static async Task AssertEventuallyAsync(Func<Task> assertion) => await Eventually.AssertAsync(assertion, TimeSpan.FromSeconds(60));

    private void Report(string what, string figure)
    {
        var line = $"{what}: {figure}";
        output.WriteLine(line);
        Console.WriteLine("[dashboard e2e] " + line);
        File.AppendAllText(FiguresFile, $"{DateTimeOffset.UtcNow:u} {line}{Environment.NewLine}");
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
