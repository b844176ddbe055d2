using AgentOps.Entities;

namespace AgentOps.Grains.Tests.Model;

public sealed class DurationsAndIdsTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("24h", 86400)]
    [InlineData("7d", 604800)]
    public void Durations_parse(string text, int seconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("1")]
    [InlineData("1w")]
    [InlineData("-5m")]
    [InlineData("1.5h")]
    [InlineData(" 5m")]
    [InlineData("99999999999999m")]
    public void Bad_durations_are_rejected(string? text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Theory]
    [InlineData(90, "90s")]
    [InlineData(600, "10m")]
    [InlineData(7200, "2h")]
    [InlineData(604800, "7d")]
    [InlineData(0, "0s")]
    public void Durations_format_in_the_largest_exact_unit(int seconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData("pr-reviewer")]
    [InlineData("user@example.com")]
    [InlineData("a.b_c:d+e-f")]
    public void Ids_of_the_allowed_characters_are_valid(string id)
    {
        Assert.True(EntityIds.IsValid(id));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a b")]
    [InlineData("a\u0000b")]
    [InlineData("")]
    public void Ids_with_other_characters_are_invalid(string id)
    {
        Assert.False(EntityIds.IsValid(id));
        Assert.NotEmpty(EntityIds.Explain(id));
    }

    [Fact]
    public void Ids_are_at_most_128_characters()
    {
        Assert.True(EntityIds.IsValid(new string('a', 128)));
        Assert.False(EntityIds.IsValid(new string('a', 129)));
    }
}
