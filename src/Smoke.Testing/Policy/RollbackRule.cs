using System.Text.Json.Serialization;

namespace Smoke.Testing.Policy;

/// <summary>The reasons a release is rolled back, in the order the decision lists them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RollbackRule>))]
public enum RollbackRule
{
    ServiceNotReady,
    CriticalTestFailed,
    CategoryTestFailed,
    EssentialCategoryFailed,
    FailureRateExceeded,
    BudgetExceeded,
}
