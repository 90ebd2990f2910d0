namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>Every loaded questionnaire version; new assessments use the latest, old ones keep theirs.</summary>
internal sealed class QuestionnaireCatalog(IEnumerable<Questionnaire> versions)
{
    private readonly Dictionary<int, Questionnaire> _versions = versions.ToDictionary(v => v.Version);

    public Questionnaire Current => _versions[_versions.Keys.Max()];

    public Questionnaire? Get(int version) => _versions.GetValueOrDefault(version);
}
