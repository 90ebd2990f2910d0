namespace Nqba.Server.Platform.Jobs;

/// <summary>Every job the modules declared, with its plan read from the bound options (once, when first asked).</summary>
internal sealed class JobCatalog(IEnumerable<JobDefinition> definitions, IServiceProvider services)
{
    private readonly Lazy<IReadOnlyDictionary<string, JobDeclaration>> _jobs = new(() => definitions.ToDictionary(
        d => d.Name,
        d => new JobDeclaration(d.Name, d.JobType, d.DisallowConcurrent, d.Plan(services)),
        StringComparer.Ordinal));

    public IEnumerable<JobDeclaration> All => _jobs.Value.Values.OrderBy(j => j.Name, StringComparer.Ordinal);

    public JobDeclaration? Find(string name) => _jobs.Value.GetValueOrDefault(name);

    public JobDeclaration Get<TJob>() where TJob : INqbaJob =>
        Find(typeof(TJob).Name) ?? throw new InvalidOperationException($"{typeof(TJob).Name} is not declared as a job (JobRegistration.AddJob).");
}
