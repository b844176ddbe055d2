namespace AgentOps.Rules;

/// <summary>How a rule compares a metric's value with its threshold.</summary>
[GenerateSerializer]
public enum ComparisonOp : byte
{
    /// <summary><c>&gt;</c></summary>
    GreaterThan,
    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,
    /// <summary><c>&lt;</c></summary>
    LessThan,
    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,
}
