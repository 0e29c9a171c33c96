using System.Text;
using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Reads a model.onnx file's graph inputs (names, element types, shapes) without loading the model: the
/// protobuf is walked field by field and everything else, weights included, is skipped by seeking. Start-up and
/// <c>mjbot doctor</c> use it to tell a folder's family in milliseconds, where opening a session would read gigabytes.
/// Wire format: ModelProto.graph = 7; GraphProto.initializer = 5, input = 11; ValueInfoProto.name = 1, type = 2;
/// TypeProto.tensor_type = 1 (elem_type = 1, shape = 2 → dim = 1 → dim_value = 1 | dim_param = 2); TensorProto.name =
/// 8. Inputs that are initializers (exports before IR 4 list them) are left out.</summary>
internal static class OnnxFileInputs
{
    public static IReadOnlyList<ModelPort> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var inputs = new List<ModelPort>();
        var initializers = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (stream.Position < stream.Length)
            {
                var (field, wire) = Tag(stream);
                if (field == 7 && wire == 2)
                {
                    var end = Length(stream) + stream.Position;
                    ReadGraph(stream, end, inputs, initializers);
                }
                else
                {
                    Skip(stream, wire);
                }
            }
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"{path} is not a complete ONNX model (it ends inside a field).", ex);
        }

        return [.. inputs.Where(i => !initializers.Contains(i.Name))];
    }

    private static void ReadGraph(Stream stream, long end, List<ModelPort> inputs, HashSet<string> initializers)
    {
        while (stream.Position < end)
        {
            var (field, wire) = Tag(stream);
            if (field == 11 && wire == 2)
            {
                inputs.Add(ValueInfo(Bytes(stream, Length(stream))));
            }
            else if (field == 5 && wire == 2)
            {
                var stop = Length(stream) + stream.Position;
                while (stream.Position < stop)
                {
                    var (f, w) = Tag(stream);
                    if (f == 8 && w == 2)
                    {
                        initializers.Add(Encoding.UTF8.GetString(Bytes(stream, Length(stream))));
                    }
                    else
                    {
                        Skip(stream, w);
                    }
                }
            }
            else
            {
                Skip(stream, wire);
            }
        }
    }

    private static ModelPort ValueInfo(byte[] data)
    {
        using var stream = new MemoryStream(data);
        var name = string.Empty;
        var kind = ElementKind.Other;
        var shape = new List<long>();
        while (stream.Position < stream.Length)
        {
            var (field, wire) = Tag(stream);
            if (field == 1 && wire == 2)
            {
                name = Encoding.UTF8.GetString(Bytes(stream, Length(stream)));
            }
            else if (field == 2 && wire == 2)
            {
                var typeEnd = Length(stream) + stream.Position;
                while (stream.Position < typeEnd)
                {
                    var (f, w) = Tag(stream);
                    if (f == 1 && w == 2)
                    {
                        (kind, shape) = Tensor(stream, Length(stream) + stream.Position);
                    }
                    else
                    {
                        Skip(stream, w);
                    }
                }
            }
            else
            {
                Skip(stream, wire);
            }
        }

        return new ModelPort(name, kind, shape);
    }

    private static (ElementKind Kind, List<long> Shape) Tensor(Stream stream, long end)
    {
        var kind = ElementKind.Other;
        var shape = new List<long>();
        while (stream.Position < end)
        {
            var (field, wire) = Tag(stream);
            if (field == 1 && wire == 0)
            {
                kind = Varint(stream) switch { 1 => ElementKind.Float, 10 => ElementKind.Float16, 6 => ElementKind.Int32, 7 => ElementKind.Int64, _ => ElementKind.Other };
            }
            else if (field == 2 && wire == 2)
            {
                var shapeEnd = Length(stream) + stream.Position;
                while (stream.Position < shapeEnd)
                {
                    var (f, w) = Tag(stream);
                    if (f == 1 && w == 2)
                    {
                        shape.Add(Dimension(stream, Length(stream) + stream.Position));
                    }
                    else
                    {
                        Skip(stream, w);
                    }
                }
            }
            else
            {
                Skip(stream, wire);
            }
        }

        return (kind, shape);
    }

    private static long Dimension(Stream stream, long end)
    {
        var value = -1L;
        while (stream.Position < end)
        {
            var (field, wire) = Tag(stream);
            if (field == 1 && wire == 0)
            {
                value = (long)Varint(stream);
            }
            else
            {
                Skip(stream, wire);
            }
        }

        return value;
    }

    private static (int Field, int Wire) Tag(Stream stream)
    {
        var tag = Varint(stream);
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    private static long Length(Stream stream) => (long)Varint(stream);

    private static ulong Varint(Stream stream)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("A protobuf varint is longer than 10 bytes.");
    }

    private static byte[] Bytes(Stream stream, long length)
    {
        var data = new byte[length];
        stream.ReadExactly(data);
        return data;
    }

    private static void Skip(Stream stream, int wire)
    {
        var skip = wire switch
        {
            0 => 0 * (long)Varint(stream),
            1 => 8,
            2 => Length(stream),
            5 => 4,
            _ => throw new InvalidDataException($"Protobuf wire type {wire} is not used by ONNX files."),
        };
        if (stream.Position + skip > stream.Length)
        {
            throw new EndOfStreamException();
        }

        stream.Seek(skip, SeekOrigin.Current);
    }
}
