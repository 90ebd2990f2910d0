namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>What the survey page shows: which survey, the score range, and whether it was answered.</summary>
public sealed record SurveyDto(SurveyKind Kind, int MinScore, int MaxScore, bool Answered);
