namespace TrainingOrchestration.Asl;

/// <summary>Routes Task resources to the registered integrations; later registrations win.</summary>
public sealed class TaskDispatcher
{
    private readonly List<IServiceIntegration> _integrations = [];
    private readonly object _gate = new();

    public TaskDispatcher Add(IServiceIntegration integration)
    {
        lock (_gate) { _integrations.Insert(0, integration); }
        return this;
    }

    public IServiceIntegration? Find(string resource) => FindAfter(null, resource);

    /// <summary>The integration that would answer <paramref name="resource"/> if <paramref name="skipped"/> (and those registered after it) did not exist.</summary>
    public IServiceIntegration? FindAfter(IServiceIntegration? skipped, string resource)
    {
        lock (_gate)
        {
            var from = skipped is null ? 0 : _integrations.IndexOf(skipped) + 1;
            for (var i = from; i < _integrations.Count; i++)
            {
                if (_integrations[i].CanHandle(resource)) return _integrations[i];
            }
        }
        return null;
    }
}
