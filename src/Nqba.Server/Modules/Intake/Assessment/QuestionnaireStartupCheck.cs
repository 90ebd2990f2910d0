using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>Loads the questionnaire when the host starts, so a bad file stops the start with a clear message.</summary>
internal sealed class QuestionnaireStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<QuestionnaireCatalog>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static QuestionnaireCatalog Load(IServiceProvider services)
    {
        var configured = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeOptions>>().Value.QuestionnaireDirectory;
        var directory = Path.IsPathRooted(configured) ? configured : Path.Combine(AppContext.BaseDirectory, configured);
        var (catalog, problems) = QuestionnaireLoader.LoadDirectory(directory);
        return catalog ?? throw new StartupException("SigmaEQ questionnaire (Intake:QuestionnaireDirectory): " + string.Join(" ", problems));
    }
}
