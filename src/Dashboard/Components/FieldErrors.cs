namespace AgentOps.Dashboard.Components;

/// <summary>Errors of a document by field, as the validators name them (<c>window</c>, <c>baseline.factor</c>), for inline display.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public IEnumerable<string> Fields => _byField.Keys;

    public void Clear() => _byField.Clear();

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var messages))
        {
            messages = [];
            _byField[field] = messages;
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    public void AddRange(IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            Add(error.Field, error.Message);
        }
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>The field's messages as one sentence, or null.</summary>
    public string? For(string field) => _byField.TryGetValue(field, out var messages) ? string.Join("; ", messages) : null;

    /// <summary>Errors of fields the form does not show next to an input.</summary>
    public IEnumerable<string> Except(IEnumerable<string> shown)
    {
        var set = shown.ToHashSet(StringComparer.Ordinal);
        return _byField.Where(f => !set.Contains(f.Key)).SelectMany(f => f.Value);
    }
}
