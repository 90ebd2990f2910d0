using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Intake.Assessment;

/// <summary>Answers to save: question id → chosen option ids (an empty list clears the answer).</summary>
public sealed record AnswersRequest([Required] Dictionary<string, List<string>> Answers);
