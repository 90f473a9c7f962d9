namespace Smoke.Pipeline;

/// <summary>
/// <c>build [targets] [--name value...]</c>: leading bare words are targets; an option takes the words after it,
/// except a flag, which takes only true/false so <c>--verbose Test</c> still means the target Test. An option given twice
/// takes the values of its last occurrence.
/// </summary>
internal sealed record CommandLineArguments(
    IReadOnlyList<string> Targets,
    IReadOnlyDictionary<string, CommandLineOption> Options,
    bool Help,
    bool Plan)
{
    public static CommandLineArguments Parse(IReadOnlyList<string> args, Func<string, bool> isFlag)
    {
        var targets = new List<string>();
        var options = new Dictionary<string, CommandLineOption>();
        var help = false;
        var plan = false;
        CommandLineOption? current = null;
        foreach (var arg in args)
        {
            if (arg is "-h" or "-?" or "/?")
            {
                help = true;
                current = null;
                continue;
            }

            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var (name, inlineValue) = arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 2
                    ? (arg[2..equals], arg[(equals + 1)..])
                    : (arg[2..], null);
                var key = ParameterNames.Normalize(name);
                current = null;
                switch (key)
                {
                    case "help":
                        help = true;
                        continue;
                    case "plan":
                        plan = true;
                        continue;
                }

                var option = new CommandLineOption("--" + name, []);
                options[key] = option;

                if (inlineValue is not null)
                {
                    option.Values.Add(inlineValue);
                }
                else
                {
                    current = option;
                }

                continue;
            }

            if (current is not null)
            {
                var key = ParameterNames.Normalize(current.Given);
                if (!isFlag(key))
                {
                    current.Values.Add(arg);
                    continue;
                }

                if (bool.TryParse(arg, out _) && current.Values.Count == 0)
                {
                    current.Values.Add(arg);
                    current = null;
                    continue;
                }

                current = null;
            }

            targets.Add(arg);
        }

        return new CommandLineArguments(targets, options, help, plan);
    }
}
