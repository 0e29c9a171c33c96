using Sprache;

namespace MjBot.Core.Prompting.Grammar;

/// <summary>A Sprache input over a string that allocates only itself per step. Sprache's own <c>Input</c> creates a
/// memo dictionary at every character, which dominated parse time (see the README's grammar benchmark); this grammar
/// uses no memoisation, so the dictionary is made only if something asks for it.</summary>
internal sealed class TokenInput : IInput
{
    private readonly string _source;
    private readonly int _position;
    private readonly int _line;
    private readonly int _column;
    private Dictionary<object, object>? _memos;

    public TokenInput(string source)
        : this(source, 0, 1, 1)
    {
    }

    private TokenInput(string source, int position, int line, int column)
    {
        _source = source;
        _position = position;
        _line = line;
        _column = column;
    }

    public string Source => _source;

    public char Current => _source[_position];

    public bool AtEnd => _position == _source.Length;

    public int Position => _position;

    public int Line => _line;

    public int Column => _column;

    public IDictionary<object, object> Memos => _memos ??= [];

    public IInput Advance()
    {
        if (AtEnd)
        {
            throw new InvalidOperationException("The input is already at its end.");
        }

        return Current == '\n'
            ? new TokenInput(_source, _position + 1, _line + 1, 1)
            : new TokenInput(_source, _position + 1, _line, _column + 1);
    }

    /// <summary>Moves <paramref name="count"/> characters on in one step.</summary>
    public TokenInput Skip(int count)
    {
        var newLines = _source.AsSpan(_position, count).Count('\n');
        var column = newLines == 0 ? _column + count : count - _source.LastIndexOf('\n', _position + count - 1) + _position;
        return new TokenInput(_source, _position + count, _line + newLines, column);
    }

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(_source, other.Source) && _position == other.Position;

    public override bool Equals(object? obj) => Equals(obj as IInput);

    public override int GetHashCode() => HashCode.Combine(_source, _position);

    public override string ToString() => $"Line {_line}, Column {_column}";
}
