using Smoke.JUnit.TestLogger.Options;

namespace Smoke.JUnit.TestLogger.Report;

/// <summary>The testcase's <c>classname</c> and <c>name</c>, taken apart from VSTest's fully qualified and display names.</summary>
/// <param name="ClassName">Namespace and class: <c>Sample.Tests.CalculatorTests</c> (nested classes keep their <c>+</c>).</param>
/// <param name="Name">The testcase name in the requested <see cref="MethodFormat"/>, theory arguments included.</param>
internal sealed record TestCaseName(string ClassName, string Name)
{
    public static TestCaseName From(string fullyQualifiedName, string displayName, MethodFormat format)
    {
        ArgumentNullException.ThrowIfNull(fullyQualifiedName);
        ArgumentNullException.ThrowIfNull(displayName);

        // NUnit and MSTest put arguments in the fully qualified name, and an argument may hold a dot: "M(1.5)".
        var argumentsStart = fullyQualifiedName.IndexOf('(', StringComparison.Ordinal);
        var qualifiedMethod = argumentsStart < 0 ? fullyQualifiedName : fullyQualifiedName[..argumentsStart];
        var nameArguments = argumentsStart < 0 ? string.Empty : fullyQualifiedName[argumentsStart..];
        var lastDot = qualifiedMethod.LastIndexOf('.');
        var className = lastDot < 0 ? string.Empty : qualifiedMethod[..lastDot];
        var method = qualifiedMethod[(lastDot + 1)..];

        // xunit's display name repeats the qualified method before the arguments; any other display name is
        // the method's own ("M (1,2)") or one the author chose ([Fact(DisplayName = "...")]): keep it whole.
        var leaf = displayName.Length == 0 ? method
            : StartsWithName(displayName, qualifiedMethod) ? method + displayName[qualifiedMethod.Length..]
            : displayName;

        if (leaf == method && nameArguments.Length > 0)
        {
            leaf += nameArguments;
        }

        var name = format switch
        {
            MethodFormat.Full when className.Length > 0 => $"{className}.{leaf}",
            MethodFormat.Class when className.Length > 0 => $"{className[(className.LastIndexOf('.') + 1)..]}.{leaf}",
            _ => leaf,
        };
        return new TestCaseName(className, name);
    }

    private static bool StartsWithName(string displayName, string name) =>
        displayName.StartsWith(name, StringComparison.Ordinal)
        && (displayName.Length == name.Length || displayName[name.Length] is '(' or '<' or ' ');
}
