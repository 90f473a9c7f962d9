namespace Sample.Tests.Platform;

/// <summary>Polls until a condition holds; the deadline is generous because the machine is slow and shared.</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what)
    {
        var until = DateTimeOffset.UtcNow + Deadline;
        while (true)
        {
            var value = await probe();
            if (condition(value))
            {
                return value;
            }

            if (DateTimeOffset.UtcNow > until)
            {
                throw new TimeoutException($"{what} did not happen within {Deadline.TotalSeconds}s; last seen: {value}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }
}
