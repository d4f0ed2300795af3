using InterviewBot.Core.Scoring;

namespace InterviewBot.Core.Community;

/// <summary>
/// English function words, plus the filler words of technical prose ("use", "example", "data", "system") that the
/// question bank's README warns against as key-point phrases. Kept as stems, so a token from
/// <see cref="TextNormalizer.Tokens(string)"/> can be looked up directly.
/// </summary>
internal static class EnglishStopWords
{
    private static readonly string[] Words =
    [
        // Function words.
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during",
        "each", "either", "else", "ever", "every", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "lets",
        "may", "me", "might", "more", "most", "much", "must", "my", "neither", "no", "nor", "not", "now",
        "of", "off", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "out", "over", "own",
        "per", "same", "shall", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "two", "under", "until", "up", "upon", "us",
        "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
        "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
        "dont", "doesnt", "isnt", "arent", "wont", "cant", "its", "thats", "youre", "theyre",

        // Filler of technical prose: frequent in every answer, so they say nothing about this one.
        "also", "always", "another", "around", "away", "back", "best", "better", "come", "common", "different",
        "do", "e", "eg", "ie", "etc", "even", "example", "first", "get", "gets", "give", "go", "good", "instead",
        "keep", "kind", "know", "less", "like", "lot", "make", "makes", "many", "mean", "means", "need", "needs",
        "never", "new", "next", "often", "part", "put", "rather", "really", "right", "second", "see", "set",
        "several", "simple", "something", "sometimes", "still", "take", "takes", "thing", "things", "three",
        "usually", "use", "used", "uses", "using", "want", "way", "ways", "well", "whole", "work", "works",
        "data", "system", "case", "cases", "time", "times", "point", "answer", "question",
        "add", "adds", "change", "changes", "run", "runs", "happen", "happens", "compare", "help", "helps",
        "show", "shows", "try", "look", "find", "start", "current", "able", "enough", "fine", "sure", "whatever",
    ];

    private static readonly HashSet<string> Stems = Words.Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a normalised, stemmed token is a stop word.</summary>
    public static bool Contains(string stem) => Stems.Contains(stem);
}
