using System.Reflection;
using AgentOps.Audit;

namespace AgentOps.Dashboard.Components;

/// <summary>Every audited action (the constants of <see cref="AuditActions"/>), for the audit page's filter.</summary>
public static class AuditActionNames
{
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();
}
