using Smoke.Pipeline;
using Smoke.Stack.Engine;
using Smoke.Stack.Installation;

namespace Smoke.Build.Rehearsal;

/// <summary>
/// Docker Engine 26 (Debian trixie's docker.io) beside the machine's own engine, so the engine-facing tests and the
/// runner rehearsal run on what users have. The two must not fight: this one has its own data root, exec root, pid
/// file and socket, its own bridge and address pool, and leaves iptables to the machine's engine (--iptables=false);
/// the few rules its containers need to reach each other and Debian's mirror are added here, once. Ports are published
/// by its userland proxy on 127.0.0.1, as on any engine. Needs root.
/// </summary>
internal sealed class Engine26
{
    const string Bridge = "smoke26br0";
    const string BridgeAddress = "10.212.0.1/24";
    const string AddressPool = "10.213.0.0/16";

    /// <summary>Both of the engine's ranges (10.212.0.0/16 for the bridge, 10.213.0.0/16 for compose networks).</summary>
    const string Ranges = "10.212.0.0/15";

    const string State = "/var/lib/smoke-rig/engine26";
    const string Run = "/run/smoke-rig/engine26";

    public static DockerEndpoint Endpoint { get; } = DockerEndpoint.Parse($"unix://{Run}/docker.sock");

    public static string LogPath => "/var/log/smoke-rig-engine26.log";

    /// <summary>Starts the engine unless it answers already; pulls of docker.io images go to <paramref name="registryMirror"/>.</summary>
    public static async Task EnsureAsync(string registryMirror, CancellationToken cancellationToken)
    {
        using var engine = new DockerEngineClient(Endpoint);
        if (await AnswersAsync(engine, cancellationToken))
        {
            Log.Info($"Docker Engine 26 answers at {Endpoint}");
            return;
        }

        var packages = new DebianSuitePackages("trixie", "/var/cache/smoke-rig/debian-trixie", Log.Info);
        var root = File.Exists(Path.Combine(packages.Root, "usr", "sbin", "dockerd")) ? packages.Root : await packages.UnpackAsync(["docker.io"], cancellationToken);
        await EnsureBridgeAsync(cancellationToken);
        await EnsureForwardingAsync(cancellationToken);
        ForgetNetworks();
        var machineBridgeBefore = MachineBridgeExists;
        Directory.CreateDirectory(State);
        Directory.CreateDirectory(Run);
        string[] arguments =
        [
            "-H", Endpoint.ToString(),
            "--group", "docker",
            "--data-root", Path.Combine(State, "data"),
            "--exec-root", Path.Combine(Run, "exec"),
            "--pidfile", Path.Combine(Run, "docker.pid"),
            "--bridge", Bridge,
            "--default-address-pool", $"base={AddressPool},size=24",
            "--iptables=false",
            "--ip-masq=false",
            "--userland-proxy-path", Path.Combine(root, "usr", "sbin", "docker-proxy"),
            "--registry-mirror", registryMirror,
        ];
        Log.Info($"starting Docker Engine 26 at {Endpoint}, log in {LogPath}");
        var pid = await Daemon.StartAsync(Path.Combine(root, "usr", "sbin", "dockerd"), arguments, LogPath, cancellationToken);
        await Daemon.WaitUntilAsync(pid, LogPath, "Docker Engine 26", () => AnswersAsync(engine, cancellationToken), cancellationToken);
        if (machineBridgeBefore && !MachineBridgeExists)
        {
            throw new BuildFailedException(
                $"starting Docker Engine 26 removed {MachineBridge}, the bridge of the machine's own engine, whose containers on the default network now fail to start; restart that engine (it makes {MachineBridge} again) and report this, with {LogPath}");
        }
    }

    /// <summary>The machine's engine's default bridge, which lives in the same network namespace.</summary>
    const string MachineBridge = "docker0";

    static bool MachineBridgeExists => Directory.Exists(Path.Combine("/sys/class/net", MachineBridge));

    /// <summary>
    /// Clears this engine's network store before it starts. On start, dockerd deletes the default bridge network its
    /// store remembers from the last run, and with it the interface named docker0, whatever --bridge says: that is the
    /// machine's engine's bridge, and every container that engine starts on the default network would then fail
    /// ("could not find bridge docker0"). With no remembered network there is nothing to clear. Containers left from an
    /// earlier run are swept by the tests, which remove them by label, network or not.
    /// </summary>
    static void ForgetNetworks()
    {
        var store = Path.Combine(State, "data", "network", "files", "local-kv.db");
        if (File.Exists(store))
        {
            File.Delete(store);
        }
    }

    static async Task<bool> AnswersAsync(DockerEngineClient engine, CancellationToken cancellationToken)
    {
        try
        {
            await engine.PingAsync(cancellationToken);
            return true;
        }
        catch (DockerEngineUnreachableException)
        {
            return false;
        }
    }

    /// <summary>A bridge of its own: with none, dockerd would take docker0 from the machine's engine.</summary>
    static async Task EnsureBridgeAsync(CancellationToken cancellationToken)
    {
        if ((await Tool.RunAsync("ip", ["link", "show", Bridge], quiet: true, allowFailure: true, cancellationToken: cancellationToken)).ExitCode != 0)
        {
            await Tool.RunAsync("ip", ["link", "add", Bridge, "type", "bridge"], quiet: true, cancellationToken: cancellationToken);
            await Tool.RunAsync("ip", ["addr", "add", BridgeAddress, "dev", Bridge], quiet: true, cancellationToken: cancellationToken);
        }

        await Tool.RunAsync("ip", ["link", "set", Bridge, "up"], quiet: true, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The machine's engine drops forwarded traffic by default (FORWARD policy DROP, bridged traffic included), and
    /// only masquerades its own ranges: these rules let this engine's containers talk to each other and to the mirror.
    /// </summary>
    static async Task EnsureForwardingAsync(CancellationToken cancellationToken)
    {
        string[][] rules =
        [
            ["-t", "filter", "FORWARD", "-s", Ranges, "-j", "ACCEPT"],
            ["-t", "filter", "FORWARD", "-d", Ranges, "-j", "ACCEPT"],
            ["-t", "nat", "POSTROUTING", "-s", Ranges, "!", "-d", Ranges, "-j", "MASQUERADE"],
        ];
        foreach (var rule in rules)
        {
            string[] check = [rule[0], rule[1], "-C", .. rule[2..]];
            if ((await Tool.RunAsync("iptables", check, quiet: true, allowFailure: true, cancellationToken: cancellationToken)).ExitCode != 0)
            {
                await Tool.RunAsync("iptables", [rule[0], rule[1], "-I", .. rule[2..]], quiet: true, cancellationToken: cancellationToken);
            }
        }
    }
}
