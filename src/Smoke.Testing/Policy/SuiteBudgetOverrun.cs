namespace Smoke.Testing.Policy;

/// <summary>A test project, or the whole smoke run, that took longer than its maximum time budget.</summary>
/// <param name="Suite">The project name, or the run as a whole (e.g. <c>SmokeTests</c>).</param>
public sealed record SuiteBudgetOverrun(string Suite, TimeSpan Elapsed, TimeSpan Maximum);
