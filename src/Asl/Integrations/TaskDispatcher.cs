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

    public IServiceIntegration? Find(string resource)
    {
        lock (_gate)
        {
            foreach (var integration in _integrations)
            {
                if (integration.CanHandle(resource)) return integration;
            }
        }
        return null;
    }
}
