using InterviewBot.Core.Questions;
using InterviewBot.Core.Repetition;
using InterviewBot.Core.Scoring;

namespace InterviewBot.Features.Practice;

/// <summary>One answered question of a terminal practice run, for the summary table.</summary>
public sealed record TerminalPracticeOutcome(Question Question, CoverageResult Coverage, RecallGrade Grade, RepetitionState Next);
