namespace Nqba.Server.Modules.Intake.Assessment;

internal sealed record OptionDto(string Id, string Text);
