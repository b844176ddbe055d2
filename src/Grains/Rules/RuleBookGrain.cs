using Microsoft.Extensions.DependencyInjection;

namespace AgentOps.Rules;

/// <summary>A project's rules, seeded with <see cref="DefaultRules"/> the first time the project is seen.</summary>
public sealed class RuleBookGrain(
    [PersistentState("rules", StorageNames.State)] IPersistentState<RuleBookState> state,
    [FromKeyedServices(AgentOpsClock.Key)] TimeProvider time)
    : Grain, IRuleBookGrain
{
    private RuleBook? _book;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Seeded)
        {
            foreach (var rule in DefaultRules.Create(time.GetUtcNow()))
            {
                state.State.Rules[rule.Id] = rule;
            }

            state.State.Seeded = true;
            state.State.Version++;
            await state.WriteStateAsync(cancellationToken);
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public Task<RuleBook> GetAsync() =>
        Task.FromResult(_book ??= new RuleBook(state.State.Version, state.State.Rules.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList()));

    public async Task<RuleBook> PutAsync(AlertRule rule)
    {
        state.State.Rules[rule.Id] = rule with { UpdatedAt = time.GetUtcNow() };
        await SaveAsync();
        return await GetAsync();
    }

    public async Task<bool> DeleteAsync(string ruleId)
    {
        if (!state.State.Rules.Remove(ruleId))
        {
            return false;
        }

        await SaveAsync();
        return true;
    }

    private Task SaveAsync()
    {
        state.State.Version++;
        _book = null;
        return state.WriteStateAsync();
    }
}
