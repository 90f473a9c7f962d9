namespace Smoke.Pipeline;

/// <summary>A target as a build declares it: <c>Target Compile =&gt; _ =&gt; _.DependsOn(Restore).Executes(...)</c>.</summary>
public delegate ITargetDefinition Target(ITargetDefinition _);
