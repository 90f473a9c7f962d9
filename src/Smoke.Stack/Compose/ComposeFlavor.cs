namespace Smoke.Stack.Compose;

public enum ComposeFlavor
{
    /// <summary>The Python <c>docker-compose</c> (1.x), which Debian ships.</summary>
    V1,

    /// <summary>The <c>docker compose</c> CLI plugin.</summary>
    V2,
}
