namespace Smoke.GitHub;

/// <summary>Statuses of one deployment: <c>/repos/{owner}/{repo}/deployments/{id}/statuses</c>.</summary>
public sealed class DeploymentStatusesClient
{
    private const string ReadPermission = "deployments: read";
    private const string WritePermission = "deployments: write";

    private readonly ApiConnection connection;

    internal DeploymentStatusesClient(ApiConnection connection) => this.connection = connection;

    /// <summary>Adds a status to a deployment; GitHub answers 201 with it.</summary>
    public Task<DeploymentStatus> CreateAsync(RepositoryName repository, long deploymentId, NewDeploymentStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(status);
        var body = status with { Description = GitHubLimits.ShortDescription(status.Description) };
        return connection.SendAsync<DeploymentStatus>(
            HttpMethod.Post, $"{repository.ApiPath}/deployments/{deploymentId}/statuses", body, WritePermission, cancellationToken);
    }

    /// <summary>All statuses of a deployment, newest first, following every page.</summary>
    public Task<IReadOnlyList<DeploymentStatus>> GetAllAsync(RepositoryName repository, long deploymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return connection.GetAllPagesAsync<DeploymentStatus>(
            $"{repository.ApiPath}/deployments/{deploymentId}/statuses", ReadPermission, cancellationToken);
    }
}
