using AgentOps.Pricing;

namespace AgentOps.Grains.Tests.Model;

public sealed class PriceTableTests
{
    private static readonly PriceTable Prices = new(new PricingOptions
    {
        Models =
        {
            ["gpt-4o"] = new ModelPrice { InputPer1M = 2.50, CachedInputPer1M = 1.25, OutputPer1M = 10.00 },
            ["gpt-4o-mini"] = new ModelPrice { InputPer1M = 0.15, CachedInputPer1M = 0.075, OutputPer1M = 0.60 },
            ["claude-3-5-sonnet"] = new ModelPrice { InputPer1M = 3.00, CachedInputPer1M = 0.30, OutputPer1M = 15.00 },
            ["mistral-large"] = new ModelPrice { InputPer1M = 2.00, OutputPer1M = 6.00 },
        },
    });

    [Fact]
    public void Cached_input_tokens_are_priced_at_the_cached_rate_and_not_again_at_the_input_rate()
    {
        // 1M input of which 400k cached: 600k x $2.50 + 400k x $1.25 + 100k output x $10 = 1.5 + 0.5 + 1.0
        Assert.Equal(3_000_000_000, Prices.CostNanos("gpt-4o", 1_000_000, 100_000, 400_000));
    }

    [Fact]
    public void Without_a_cached_rate_cached_tokens_cost_the_input_rate()
    {
        Assert.Equal(2_000_000_000 + 6_000_000_000L, Prices.CostNanos("mistral-large", 1_000_000, 1_000_000, 500_000));
    }

    [Fact]
    public void Small_prices_are_exact_to_the_nano_dollar()
    {
        // 1,234 input at $0.15/1M = $0.0001851; 56 output at $0.60/1M = $0.0000336
        Assert.Equal(185_100 + 33_600, Prices.CostNanos("gpt-4o-mini", 1_234, 56, 0));
    }

    [Theory]
    [InlineData("gpt-4o-2024-08-06", "gpt-4o")]
    [InlineData("GPT-4o", "gpt-4o")]
    [InlineData("gpt-4o-mini-2024-07-18", "gpt-4o-mini")]
    [InlineData("claude-3-5-sonnet-20241022", "claude-3-5-sonnet")]
    [InlineData("claude-3-5-sonnet@20240620", "claude-3-5-sonnet")]
    [InlineData("anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3-5-sonnet")]
    [InlineData("openai/gpt-4o", "gpt-4o")]
    [InlineData("mistral-large-2411", "mistral-large")]
    [InlineData("mistral-large-latest", "mistral-large")]
    public void Dated_and_prefixed_names_resolve_to_the_table_entry(string reported, string expected)
    {
        Assert.Equal(Prices.CostNanos(expected, 1000, 1000, 0), Prices.CostNanos(reported, 1000, 1000, 0));
    }

    [Fact]
    public void A_mini_model_is_not_priced_as_its_bigger_sibling()
    {
        Assert.NotEqual(Prices.CostNanos("gpt-4o", 1000, 0, 0), Prices.CostNanos("gpt-4o-mini-2024-07-18", 1000, 0, 0));
    }

    [Fact]
    public void An_unknown_model_is_unpriced()
    {
        Assert.Null(Prices.CostNanos("my-finetune-7b", 1000, 1000, 0));
        Assert.False(Prices.Knows("gpt-5-turbo-ultra"));
    }

    [Fact]
    public void The_default_price_file_covers_the_four_providers_with_sources()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "model-prices.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
        var models = json.RootElement.GetProperty("AgentOps").GetProperty("Pricing").GetProperty("Models").EnumerateObject().ToList();
        foreach (var prefix in new[] { "gpt-", "claude-", "gemini-", "mistral-" })
        {
            Assert.Contains(models, m => m.Name.StartsWith(prefix, StringComparison.Ordinal));
        }

        Assert.All(models, m =>
        {
            Assert.StartsWith("https://", m.Value.GetProperty("Source").GetString());
            Assert.Matches(@"^\d{4}-\d{2}", m.Value.GetProperty("AsOf").GetString());
            Assert.True(m.Value.GetProperty("InputPer1M").GetDouble() > 0);
        });
    }
}
