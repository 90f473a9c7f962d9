using System.Text;
using System.Text.Json;

namespace Smoke.Pipeline;

/// <summary><c>.nuke/build.schema.json</c>: the JSON schema of parameters.json, so editors complete and check it.</summary>
internal static class BuildSchema
{
    public static string Create(IReadOnlyList<ParameterMember> parameters, IReadOnlyList<string> targets)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
            json.WriteString("title", "Build parameters (.nuke/parameters.json)");
            json.WriteString("type", "object");
            json.WriteStartObject("definitions");
            json.WriteStartObject("Target");
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var target in targets)
            {
                json.WriteStringValue(target);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartObject("$schema");
            json.WriteString("type", "string");
            json.WriteEndObject();
            foreach (var parameter in parameters)
            {
                json.WriteStartObject(parameter.Name);
                json.WriteString("description", parameter.Description + (parameter.IsSecret ? " (secret: keep it out of committed files)" : ""));
                var isTargetList = parameter.IsEngineOption && parameter.Name is "Target" or "Skip";
                if (parameter.Type.IsArray)
                {
                    json.WriteString("type", "array");
                    json.WriteStartObject("items");
                    WriteType(json, parameter.Type.GetElementType()!, isTargetList);
                    json.WriteEndObject();
                }
                else
                {
                    WriteType(json, ParameterValues.Element(parameter.Type), isTargetList);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteBoolean("additionalProperties", false);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the schema only when its content changed, so the file's timestamp means something.</summary>
    public static void Update(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static void WriteType(Utf8JsonWriter json, Type type, bool isTarget)
    {
        if (isTarget)
        {
            json.WriteString("$ref", "#/definitions/Target");
        }
        else if (type == typeof(bool))
        {
            json.WriteString("type", "boolean");
        }
        else if (type == typeof(int))
        {
            json.WriteString("type", "integer");
        }
        else if (type.IsEnum)
        {
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var name in Enum.GetNames(type))
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
        }
        else if (type == typeof(TimeSpan))
        {
            json.WriteString("type", "string");
            json.WriteString("pattern", @"^((\d+(\.\d+)?(ms|s|m|h|d))+|(\d+\.)?\d+:\d+(:\d+(\.\d+)?)?)$");
        }
        else
        {
            json.WriteString("type", "string");
        }
    }
}
