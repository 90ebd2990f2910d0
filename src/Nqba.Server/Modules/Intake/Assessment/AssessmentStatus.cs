namespace Nqba.Server.Modules.Intake.Assessment;

public enum AssessmentStatus
{
    InProgress,
    Completed,
}
