using Xunit.Abstractions;
using Xunit.Sdk;

namespace AgentOps.Dashboard.Tests.EndToEnd;

/// <summary>Runs a class's tests in the order of their <see cref="OrderAttribute"/> (the last one restarts the silo).</summary>
public sealed class PriorityOrderer : ITestCaseOrderer
{
    public const string Name = "AgentOps.Dashboard.Tests.EndToEnd.PriorityOrderer";
    public const string Assembly = "AgentOps.Dashboard.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(OrderAttribute).AssemblyQualifiedName!)
            .FirstOrDefault()?.GetConstructorArguments().FirstOrDefault() as int? ?? int.MaxValue);
}

[AttributeUsage(AttributeTargets.Method)]
public sealed class OrderAttribute(int value) : Attribute
{
    public int Value { get; } = value;
}
