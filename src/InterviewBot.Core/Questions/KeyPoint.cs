namespace InterviewBot.Core.Questions;

/// <summary>
/// Something a good answer must say: a short label shown to members, and the phrases (words or synonyms) whose
/// presence shows the point was made. <paramref name="Derived"/> marks points computed from a reference answer
/// because the author gave none.
/// </summary>
public sealed record KeyPoint(string Label, IReadOnlyList<string> Phrases, bool Derived = false);
