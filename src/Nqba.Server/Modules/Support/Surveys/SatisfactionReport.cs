namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>CSAT, NPS and FCR over a period.</summary>
public sealed record SatisfactionReport(DateTime From, DateTime To, double? CsatAverage, int CsatResponses, double? CsatSatisfiedPercent, int? Nps, int NpsResponses, int Promoters, int Passives, int Detractors, FcrFigures FirstContactResolution);
