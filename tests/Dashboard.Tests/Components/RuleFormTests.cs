using AgentOps.Dashboard.Components;
using AgentOps.Dashboard.Components.Pages;
using AgentOps.Dashboard.Tests.Fakes;
using Bunit;

namespace AgentOps.Dashboard.Tests.Components;

public sealed class RuleFormTests
{
    [Fact]
    public async Task The_form_shows_the_validators_errors_next_to_each_field_and_does_not_save()
    {
        await using var ctx = new DashboardTestContext();
        ctx.RenderProviders();
        var form = ctx.Render<RuleForm>(p => p.Add(f => f.Channels, ["ops-webhook"]));

        form.Find("input[data-field=id]").Input("bad/id");
        form.Find("input[data-field=window]").Input("8d");
        form.Find("input[data-field=for]").Input("soon");
        form.Find("input[data-field=match]").Input("checkout/*");
        form.Find("input[data-field=threshold]").Input("a lot");
        form.Find("[data-testid=rule-save]").Click();

        Assert.Contains("id may only contain", EntityTests.Field(form, "id"), StringComparison.Ordinal);
        Assert.Contains("window must be at most 7d", EntityTests.Field(form, "window"), StringComparison.Ordinal);
        Assert.Contains("for 'soon' must be a duration", EntityTests.Field(form, "for"), StringComparison.Ordinal);
        Assert.Contains("match must be a glob", EntityTests.Field(form, "match"), StringComparison.Ordinal);
        Assert.Contains("threshold must be a number", EntityTests.Field(form, "threshold"), StringComparison.Ordinal);
        Assert.NotNull(form.Find("[data-testid=rule-errors]"));
        Assert.Empty(ctx.Rules.Saved);

        form.Find("input[data-field=threshold]").Input(string.Empty);
        Assert.Contains("threshold is required without a baseline", EntityTests.Field(form, "threshold"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baseline_rule_checks_its_baseline_fields()
    {
        await using var ctx = new DashboardTestContext();
        ctx.RenderProviders();
        var form = ctx.Render<RuleForm>(p => p.Add(f => f.Channels, ["ops-webhook"]));
        form.Find("input[data-field=id]").Input("dearer");
        form.Find("input[data-field=window]").Input("1h");

        form.Find("input[data-field=useBaseline]").Change(true);
        form.Find("input[data-field='baseline.factor']").Input("0");
        form.Find("input[data-field='baseline.window']").Input("30m");

        Assert.Contains("baseline.factor must be greater than 0", EntityTests.Field(form, "baseline.factor"), StringComparison.Ordinal);
        Assert.Contains("must be longer than window", EntityTests.Field(form, "baseline.window"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_rule_is_saved_and_an_existing_rule_is_edited_in_place()
    {
        await using var ctx = new DashboardTestContext();
        ctx.RenderProviders();
        var page = ctx.Render<RulesPage>(p => p.Add(r => r.RuleId, "retry-rate-above-20pct-10m"));
        page.WaitForAssertion(() => Assert.Equal("10m", page.Find("input[data-field=window]").GetAttribute("value")));
        Assert.Equal("0.2", page.Find("input[data-field=threshold]").GetAttribute("value"));
        Assert.Equal(3, page.FindAll("[data-rule]").Count);

        page.Find("input[data-field=window]").Input("15m");
        page.Find("input[data-field=threshold]").Input("0.3");
        page.Find("[data-testid=rule-save]").Click();

        page.WaitForAssertion(() => Assert.Single(ctx.Rules.Saved));
        var (id, document) = ctx.Rules.Saved[0];
        Assert.Equal("retry-rate-above-20pct-10m", id);
        Assert.Equal("15m", document.Window);
        Assert.Equal(0.3, document.Threshold);
        Assert.Equal("retryRate", document.Metric);
        Assert.Equal("10m", document.For);
        page.WaitForAssertion(() => Assert.Contains("retryRate over 15m > 30%", page.Find("[data-rule=retry-rate-above-20pct-10m]").TextContent, StringComparison.Ordinal));
    }
}
