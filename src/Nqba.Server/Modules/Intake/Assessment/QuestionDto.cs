namespace Nqba.Server.Modules.Intake.Assessment;

internal sealed record QuestionDto(string Id, string Section, string Text, bool Multiple, bool Required, List<OptionDto> Options);
