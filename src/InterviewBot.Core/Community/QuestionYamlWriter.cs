using System.Text;
using InterviewBot.Core.Questions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace InterviewBot.Core.Community;

/// <summary>
/// Writes questions in the bank's YAML format (questions/README.md), for exporting a server's own questions and for
/// turning accepted suggestions into importable files. <see cref="QuestionFileParser.Parse"/> of the output returns
/// equal questions.
/// <para>
/// YamlDotNet's emitter does the quoting, so colons, quotes, a leading '-' or '#', and unicode are safe. Prompt,
/// answer and code are written as literal blocks (<c>|</c>), as in the bank, unless the text cannot be a literal
/// block (trailing spaces on a line, control characters), when the emitter falls back to a double-quoted string.
/// Values are trimmed the way the parser trims them (code only at the end, so its indentation survives), line
/// breaks are written as '\n' (YAML reads any break in a block as one, so "\r\n" would not survive anyway), empty
/// optional fields are left out, and questions are separated by a blank line. A <see cref="KeyPoint.Derived"/> point
/// gets <c>derived: true</c>, so points computed from the answer stay marked as such through storage and export.
/// </para>
/// </summary>
public static class QuestionYamlWriter
{
    // Wide enough that no scalar is ever folded across lines: one line per value reads and diffs better.
    private const int LineWidth = 100_000;

    /// <summary>The YAML text of <paramref name="questions"/>, in the order given.</summary>
    public static string Write(IEnumerable<Question> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        using var writer = new StringWriter();
        var emitter = new Emitter(writer, new EmitterSettings(2, LineWidth, false, 1024, indentSequences: true, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        foreach (var question in questions)
        {
            WriteQuestion(emitter, question);
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return SeparateQuestions(writer.ToString());
    }

    private static void WriteQuestion(Emitter emitter, Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
        Field(emitter, "id", question.Id.Trim());
        Field(emitter, "category", question.Category.Trim());
        Field(emitter, "difficulty", question.Difficulty.ToName());
        if (question.Tags.Count > 0)
        {
            Key(emitter, "tags");
            FlowList(emitter, question.Tags.Select(t => t.Trim()));
        }

        Field(emitter, "prompt", question.Prompt.Trim(), ScalarStyle.Literal);
        Field(emitter, "answer", question.Answer.Trim(), ScalarStyle.Literal);
        Key(emitter, "key_points");
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
        foreach (var point in question.KeyPoints)
        {
            emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
            Field(emitter, "label", point.Label.Trim());
            Key(emitter, "phrases");
            FlowList(emitter, point.Phrases.Select(p => p.Trim()));
            if (point.Derived)
            {
                Field(emitter, "derived", "true");
            }

            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        if (!string.IsNullOrWhiteSpace(question.Hint))
        {
            Field(emitter, "hint", question.Hint.Trim());
        }

        if (question.FollowUps.Count > 0)
        {
            Key(emitter, "follow_ups");
            emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
            foreach (var followUp in question.FollowUps)
            {
                Value(emitter, followUp.Trim());
            }

            emitter.Emit(new SequenceEnd());
        }

        if (!string.IsNullOrWhiteSpace(question.Code))
        {
            Field(emitter, "code", question.Code.TrimEnd(), ScalarStyle.Literal);
        }

        if (!string.IsNullOrWhiteSpace(question.CodeLanguage))
        {
            Field(emitter, "code_language", question.CodeLanguage.Trim());
        }

        emitter.Emit(new MappingEnd());
    }

    private static void Field(Emitter emitter, string key, string value, ScalarStyle style = ScalarStyle.Any)
    {
        Key(emitter, key);
        Value(emitter, value, style);
    }

    private static void Key(Emitter emitter, string key) => emitter.Emit(new Scalar(key));

    private static void Value(Emitter emitter, string value, ScalarStyle style = ScalarStyle.Any)
    {
        // YAML reads every line break inside a block as '\n', so write them that way from the start.
        value = value.ReplaceLineEndings("\n");

        // Multi-line text reads best as a literal block; the emitter quotes instead when a block cannot hold it.
        if (style == ScalarStyle.Any && value.Contains('\n', StringComparison.Ordinal))
        {
            style = ScalarStyle.Literal;
        }

        // One final newline makes the block "|" rather than "|-", as the bank writes it; the parser trims it off.
        if (style == ScalarStyle.Literal)
        {
            value += "\n";
        }

        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, true, true));
    }

    private static void FlowList(Emitter emitter, IEnumerable<string> values)
    {
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow));
        foreach (var value in values.Select(v => v.ReplaceLineEndings("\n")))
        {
            // Inside [ ] a plain scalar may not hold ',', '[' or ']'; the emitter knows and quotes them.
            emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Any, true, true));
        }

        emitter.Emit(new SequenceEnd());
    }

    /// <summary>
    /// A blank line before every question but the first. A line starting with "- " at column 0 can only be a
    /// top-level item: every value is indented under its key, and no value ends with a kept newline (values are
    /// trimmed), so the added line never becomes part of one.
    /// </summary>
    private static string SeparateQuestions(string yaml)
    {
        var result = new StringBuilder(yaml.Length + 64);
        var first = true;
        foreach (var line in yaml.Split('\n'))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal) || line == "-")
            {
                if (!first)
                {
                    result.Append('\n');
                }

                first = false;
            }

            result.Append(line).Append('\n');
        }

        return result.ToString().TrimEnd('\n') + "\n";
    }
}
