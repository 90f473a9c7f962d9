using System.Text.Json;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Reports;

/// <summary>report.json, field by field as docs/reports.md describes it; <see cref="SchemaVersion"/> changes when a field changes meaning or goes away.</summary>
internal static class ReportJson
{
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions DecisionOptions = new(JsonSerializerOptions.Web);

    public static void Write(Utf8JsonWriter json, RunReport report, ReportText text)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("verdict", report.Verdict == RunVerdict.Passed ? "passed" : "failed");
        json.WriteStartArray("failureReasons");
        foreach (var reason in report.FailureReasons)
        {
            json.WriteStringValue(text.Plain(reason));
        }

        json.WriteEndArray();

        json.WriteStartObject("run");
        json.WriteString("id", text.Plain(report.Run.Id));
        json.WriteString("start", report.Run.Start);
        json.WriteString("end", report.Run.End);
        json.WriteNumber("durationSeconds", DurationText.Seconds(report.Run.Duration));
        json.WriteString("host", text.Plain(report.Run.Host));
        String(json, "gitSha", report.Run.GitSha, text);
        String(json, "profile", report.Run.Profile, text);
        json.WriteEndObject();

        json.WriteStartObject("totals");
        Totals(json, report.Projects.SelectMany(project => project.Tests).ToList());
        json.WriteEndObject();

        json.WriteStartArray("targets");
        foreach (var target in report.Targets)
        {
            json.WriteStartObject();
            json.WriteString("name", text.Plain(target.Name));
            json.WriteString("status", Camel(target.Status.ToString()));
            if (target.Start is { } start)
            {
                json.WriteString("start", start);
            }
            else
            {
                json.WriteNull("start");
            }

            json.WriteNumber("durationSeconds", DurationText.Seconds(target.Duration));
            String(json, "note", target.Note, text);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("services");
        foreach (var service in report.Services)
        {
            json.WriteStartObject();
            json.WriteString("name", text.Plain(service.Name));
            json.WriteString("status", service.Ready ? "ready" : "failed");
            json.WriteBoolean("critical", service.Critical);
            if (service.Start is { } start)
            {
                json.WriteString("start", start);
            }
            else
            {
                json.WriteNull("start");
            }

            if (service.TimeToReady is { } elapsed)
            {
                json.WriteNumber("timeToReadySeconds", DurationText.Seconds(elapsed));
            }
            else
            {
                json.WriteNull("timeToReadySeconds");
            }

            String(json, "reason", service.Reason, text);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("projects");
        foreach (var project in report.Projects)
        {
            Project(json, project, text);
        }

        json.WriteEndArray();

        json.WriteStartArray("notSelected");
        foreach (var name in report.Smoke?.NotSelected ?? [])
        {
            json.WriteStringValue(text.Plain(name));
        }

        json.WriteEndArray();

        json.WriteStartArray("tests");
        foreach (var project in report.Projects)
        {
            foreach (var test in project.Tests)
            {
                Test(json, project, test, text);
            }
        }

        json.WriteEndArray();

        json.WritePropertyName("rollback");
        if (report.Rollback is null)
        {
            json.WriteNullValue();
        }
        else
        {
            // Serialised as it is, the shape docs/rollback-policy.md shows, and copied with its strings masked.
            using var decision = JsonSerializer.SerializeToDocument(report.Rollback, DecisionOptions);
            Copy(decision.RootElement, json, text);
        }

        json.WriteStartArray("warnings");
        foreach (var warning in report.AllWarnings)
        {
            json.WriteStringValue(text.Plain(warning));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Project(Utf8JsonWriter json, SmokeProjectResult project, ReportText text)
    {
        json.WriteStartObject();
        json.WriteString("name", text.Plain(project.Name));
        json.WriteString("path", text.Plain(project.ProjectPath));
        json.WriteString("status", Camel(project.Status.ToString()));
        json.WriteString("start", project.Start);
        json.WriteNumber("durationSeconds", DurationText.Seconds(project.Duration));
        String(json, "filter", project.Filter, text);
        String(json, "junitFile", project.JUnitFile, text);
        String(json, "note", project.Note, text);
        json.WriteStartObject("totals");
        Totals(json, project.Tests);
        json.WriteEndObject();
        json.WriteStartArray("attempts");
        foreach (var attempt in project.Attempts)
        {
            json.WriteStartObject();
            json.WriteNumber("number", attempt.Number);
            String(json, "filter", attempt.Filter, text);
            json.WriteString("start", attempt.Start);
            json.WriteNumber("durationSeconds", DurationText.Seconds(attempt.Duration));
            if (attempt.ExitCode is { } exitCode)
            {
                json.WriteNumber("exitCode", exitCode);
            }
            else
            {
                json.WriteNull("exitCode");
            }

            json.WriteStartArray("tests");
            foreach (var test in attempt.Tests)
            {
                json.WriteStartObject();
                json.WriteString("name", text.Plain(test.FullyQualifiedName));
                json.WriteString("outcome", Camel(test.Outcome.ToString()));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("outputTail");
        foreach (var line in project.OutputTail)
        {
            json.WriteStringValue(text.Plain(line));
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Test(Utf8JsonWriter json, SmokeProjectResult project, TestCase test, ReportText text)
    {
        json.WriteStartObject();
        json.WriteString("project", text.Plain(project.Name));
        json.WriteString("name", text.Plain(test.FullyQualifiedName));
        json.WriteString("displayName", text.Plain(test.DisplayName));
        json.WriteString("className", text.Plain(test.ClassName));
        json.WriteString("outcome", Camel(test.Outcome.ToString()));
        json.WriteBoolean("flaky", test.IsFlaky);
        json.WriteNumber("durationSeconds", DurationText.Seconds(test.Duration));
        if (test.Level is { } level)
        {
            json.WriteNumber("level", level);
        }
        else
        {
            json.WriteNull("level");
        }

        json.WriteBoolean("critical", test.IsCritical);
        json.WriteStartArray("categories");
        foreach (var category in test.Categories)
        {
            json.WriteStringValue(text.Plain(category));
        }

        json.WriteEndArray();
        String(json, "message", test.Message, text);
        String(json, "stackTrace", test.StackTrace, text);
        json.WriteStartArray("earlierAttempts");
        foreach (var attempt in test.Attempts)
        {
            json.WriteStartObject();
            json.WriteString("kind", Camel(attempt.Kind.ToString()));
            String(json, "message", attempt.Message, text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Totals(Utf8JsonWriter json, IReadOnlyList<TestCase> tests)
    {
        json.WriteNumber("tests", tests.Count);
        json.WriteNumber("passed", tests.Count(test => test.Outcome == TestOutcome.Passed));
        json.WriteNumber("failed", tests.Count(test => test.Outcome == TestOutcome.Failed));
        json.WriteNumber("skipped", tests.Count(test => test.Outcome == TestOutcome.Skipped));
        json.WriteNumber("flaky", tests.Count(test => test.IsFlaky));
    }

    private static void String(Utf8JsonWriter json, string name, string? value, ReportText text)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, text.Plain(value));
        }
    }

    private static void Copy(JsonElement element, Utf8JsonWriter writer, ReportText text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Copy(property.Value, writer, text);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Copy(item, writer, text);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(text.Plain(element.GetString()));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
