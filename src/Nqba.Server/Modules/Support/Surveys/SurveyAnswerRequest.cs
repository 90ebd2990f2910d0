using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>An answer: 1–5 for CSAT, 0–10 for NPS, with an optional comment.</summary>
public sealed record SurveyAnswerRequest([Range(0, 10)] int Score, [MaxLength(2000)] string? Comment = null);
