namespace Smoke.Testing.Reports;

/// <summary>The files <see cref="SmokeReport.WriteAsync"/> wrote.</summary>
public sealed record SmokeReportFiles(string Json, string Markdown, string Html);
