using System.Reflection;

namespace Smoke.Pipeline;

/// <summary>A <see cref="ParameterAttribute"/> field or property of the build, and every name it answers to.</summary>
internal sealed class ParameterMember
{
    private readonly MemberInfo member;

    private ParameterMember(MemberInfo member, ParameterAttribute attribute)
    {
        this.member = member;
        Name = attribute.Name ?? ParameterNames.Pascal(member.Name);
        Description = attribute.Description;
        DefaultText = attribute.DefaultText;
        UnprefixedVariable = attribute.UnprefixedVariable;
        IsSecret = member.IsDefined(typeof(SecretAttribute), inherit: true);
        Type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
    }

    public string Name { get; }

    public string Description { get; }

    public string? DefaultText { get; }

    public string? UnprefixedVariable { get; }

    public bool IsSecret { get; }

    public Type Type { get; }

    public string MemberName => member.Name;

    /// <summary>The engine's own options (Target, Skip, Profile...), listed apart from the build's parameters.</summary>
    public bool IsEngineOption => member.DeclaringType == typeof(PipelineBuild);

    public string Key => ParameterNames.Normalize(Name);

    public string OptionName => "--" + ParameterNames.Kebab(Name);

    /// <summary>The variables it reads, as documented; any case and underscores after the prefix are accepted too (EnvironmentVariables).</summary>
    public IReadOnlyList<string> EnvironmentNames =>
        UnprefixedVariable is { } unprefixed
            ? ["SMOKE_" + ParameterNames.Snake(Name), "NUKE_" + ParameterNames.Snake(Name), unprefixed]
            : ["SMOKE_" + ParameterNames.Snake(Name), "NUKE_" + ParameterNames.Snake(Name)];

    public static IReadOnlyList<ParameterMember> Discover(Type buildType)
    {
        var members = new List<ParameterMember>();
        var chain = new Stack<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            chain.Push(type);
        }

        foreach (var type in chain)
        {
            const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var candidate in type.GetFields(flags).Cast<MemberInfo>().Concat(type.GetProperties(flags)).OrderBy(m => m.MetadataToken))
            {
                if (candidate.GetCustomAttribute<ParameterAttribute>(inherit: true) is { } attribute)
                {
                    members.Add(new ParameterMember(candidate, attribute));
                }
            }
        }

        var duplicate = members.GroupBy(m => m.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsageException(
                $"Parameters {string.Join(" and ", duplicate.Select(m => m.MemberName))} of {buildType.Name} share the name '{duplicate.First().Name}'; give one a different Name.");
        }

        return members;
    }

    public object? GetValue(object build) => member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        switch (member)
        {
            case FieldInfo field:
                field.SetValue(build, value);
                break;
            case PropertyInfo { CanWrite: true } property:
                property.SetValue(build, value);
                break;
            case PropertyInfo property:
                var backingField = property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
                    ?? throw new UsageException($"Parameter '{Name}' is a property without a setter; give it '{{ get; set; }}' or make it a field.");
                backingField.SetValue(build, value);
                break;
        }
    }
}
