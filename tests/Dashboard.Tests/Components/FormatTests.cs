using AgentOps.Dashboard.Formatting;

namespace AgentOps.Dashboard.Tests.Components;

public sealed class FormatTests
{
    [Theory]
    [InlineData(0, "$0.00")]
    [InlineData(0.25, "$0.25")]
    [InlineData(12.4, "$12.40")]
    [InlineData(123.4, "$123")]
    [InlineData(1234.5, "$1.2k")]
    [InlineData(98_765, "$98.8k")]
    [InlineData(3_400_000, "$3.4M")]
    [InlineData(0.0042, "$0.0042")]
    [InlineData(0.00004, "<$0.0001")]
    [InlineData(-2.5, "-$2.50")]
    public void Money_is_short_and_exact_enough(double usd, string expected) => Assert.Equal(expected, Format.Money(usd));

    [Theory]
    [InlineData(0.25, 0.10, "$0.25 (2.5x of $0.10)")]
    [InlineData(0.25, null, "$0.25")]
    [InlineData(0, 0.06, "— (baseline $0.06)")]
    [InlineData(1.5, 0.1, "$1.50 (15x of $0.10)")]
    public void Cost_against_its_baseline_reads_as_a_factor(double usd, double? baseline, string expected) =>
        Assert.Equal(expected, Format.MoneyVsBaseline(usd, baseline));

    [Theory]
    [InlineData(0, "0%")]
    [InlineData(0.0004, "<0.1%")]
    [InlineData(0.025, "2.5%")]
    [InlineData(0.125, "12.5%")]
    [InlineData(1, "100%")]
    public void Rates_are_percentages(double rate, string expected) => Assert.Equal(expected, Format.Percent(rate));

    [Theory]
    [InlineData(850, "850 ms")]
    [InlineData(12_300, "12.3 s")]
    [InlineData(200_000, "3m 20s")]
    [InlineData(7_500_000, "2h 5m")]
    [InlineData(273_600_000, "3d 4h")]
    public void Durations_use_the_largest_sensible_units(double milliseconds, string expected) =>
        Assert.Equal(expected, Format.Duration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Times_are_relative_with_an_absolute_form_in_utc()
    {
        var now = new DateTimeOffset(2025, 11, 27, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal("just now", Format.Ago(now.AddSeconds(-2), now));
        Assert.Equal("42s ago", Format.Ago(now.AddSeconds(-42), now));
        Assert.Equal("5 min ago", Format.Ago(now.AddMinutes(-5), now));
        Assert.Equal("3h 10m ago", Format.Ago(now.AddMinutes(-190), now));
        Assert.Equal("never", Format.Ago(null, now));
        Assert.Equal("2025-11-27 13:55:00 UTC", Format.Time(now.AddMinutes(-5)));
    }

    [Theory]
    [InlineData("costPerSuccessfulRun", 0.25, "$0.25")]
    [InlineData("retryRate", 0.31, "31%")]
    [InlineData("evalScore", 0.7286, "0.73")]
    [InlineData("violations", 3, "3")]
    public void Alert_values_read_in_their_metrics_unit(string metric, double value, string expected) =>
        Assert.Equal(expected, MetricFormat.Value(metric, value));
}
