using System.Net;

namespace Smoke.GitHub;

/// <summary>Deployments of a repository: <c>/repos/{owner}/{repo}/deployments</c>.</summary>
public sealed class DeploymentsClient
{
    private const string ReadPermission = "deployments: read";
    private const string WritePermission = "deployments: write";

    private readonly ApiConnection connection;

    internal DeploymentsClient(ApiConnection connection)
    {
        this.connection = connection;
        Statuses = new DeploymentStatusesClient(connection);
    }

    public DeploymentStatusesClient Statuses { get; }

    /// <summary>Creates a deployment; GitHub answers 201 with it.</summary>
    public async Task<Deployment> CreateAsync(RepositoryName repository, NewDeployment deployment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(deployment);
        var path = $"{repository.ApiPath}/deployments";
        var response = await connection.SendAsync(HttpMethod.Post, path, deployment, WritePermission, cancellationToken).ConfigureAwait(false);
        if (response.Status == HttpStatusCode.Accepted)
        {
            // 202 means GitHub merged the default branch into the ref instead of creating a deployment.
            var said = ErrorBody.Parse(response.Body).Message;
            throw new GitHubApiException(
                $"GitHub API POST {path} answered 202 and created no deployment of \"{deployment.Ref}\"{(said is null ? "" : $": \"{said}\"")}."
                + " Create it with AutoMerge = false, or deploy the merged ref.",
                "POST",
                path)
            {
                StatusCode = response.Status,
                GitHubMessage = said,
            };
        }

        return connection.Read<Deployment>(response, "POST", path);
    }

    /// <summary>All deployments that match the filter, newest first, following every page.</summary>
    public Task<IReadOnlyList<Deployment>> GetAllAsync(RepositoryName repository, DeploymentFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var query = new List<string>();
        Add(query, "environment", filter?.Environment);
        Add(query, "sha", filter?.Sha);
        Add(query, "ref", filter?.Ref);
        Add(query, "task", filter?.Task);
        var path = $"{repository.ApiPath}/deployments" + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return connection.GetAllPagesAsync<Deployment>(path, ReadPermission, cancellationToken);
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }
}
