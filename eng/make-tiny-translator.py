#!/usr/bin/python3
"""Writes a tiny Marian-shaped (opus-mt) ONNX translation model whose output the tests control.

Run with Debian's interpreter and its python3-onnx and python3-sentencepiece packages:
    /usr/bin/python3 eng/make-tiny-translator.py tests/models
The output is committed (a few KB), so the test suite never needs Python. The folder has the layout
`optimum-cli export onnx --model Helsinki-NLP/opus-mt-ko-en` writes:
  encoder_model.onnx   input_ids, attention_mask (INT64 [batch, source]) -> last_hidden_state
  decoder_model.onnx   input_ids (INT64 [batch, target]), encoder_hidden_states, encoder_attention_mask -> logits
  source.spm target.spm  SentencePiece unigram models (the real nmt_nfkc normaliser, a hand-made piece list)
  vocab.json           the shared vocabulary Marian maps pieces through ("</s>" 0, "<unk>" 1, ..., "<pad>" last)
  config.json generation_config.json  decoder_start_token_id = pad_token_id, eos_token_id 0, bad_words_ids [[pad]]
The "translation" is a word-for-word table: the decoder's step t answers the table's target for source piece t
(and </s> past the end), so a test knows the English a Korean prompt becomes. The pad token scores highest at
every step, as a real export's pad can: a decoder that does not ban it (bad_words_ids) writes nothing but pad.
"""
import io
import json
import os
import sys

import numpy as np
import onnx
import sentencepiece as spm
from onnx import TensorProto, helper, numpy_helper
from sentencepiece import sentencepiece_model_pb2 as model_pb2

OPSET = 17

# Source piece -> target piece. Whole words, so the tests read plain English.
TABLE = [
    ("▁빨간", "▁red"), ("▁여우", "▁fox"), ("▁눈", "▁snowy"), ("▁숲", "▁forest"), ("▁나무", "▁trees"),
    ("▁고양이", "▁cat"), ("▁바다", "▁sea"), ("▁폭력적인", "▁violent"), ("▁장면", "▁scene"), ("▁기사", "▁knight"),
]


def normaliser_spec():
    """The nmt_nfkc normaliser opus-mt's source.spm carries, taken from a throwaway model trained here."""
    corpus = ["빨간 여우", "눈 숲", "고양이 바다", "폭력적인 장면", "기사 나무"] * 20
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(sentence_iterator=iter(corpus), model_writer=buffer, vocab_size=30,
                                   model_type="unigram", normalization_rule_name="nmt_nfkc", hard_vocab_limit=False,
                                   minloglevel=2)
    trained = model_pb2.ModelProto()
    trained.ParseFromString(buffer.getvalue())
    return trained


def sentencepiece_model(pieces):
    model = normaliser_spec()
    del model.pieces[:]
    kinds = model_pb2.ModelProto.SentencePiece
    for piece, score, kind in [("<unk>", 0.0, kinds.UNKNOWN), ("<s>", 0.0, kinds.CONTROL), ("</s>", 0.0, kinds.CONTROL)] + pieces:
        entry = model.pieces.add()
        entry.piece, entry.score, entry.type = piece, score, kind
    return model.SerializeToString()


def save(model, path):
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def make_model(nodes, name, inputs, outputs, initializers):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializers)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="mjbot-tiny-translator")


def encoder(targets, size, eos):
    """last_hidden_state[b, s] = one-hot of the target of source id input_ids[b, s]; masked positions answer </s>."""
    table = np.zeros((size, size), dtype=np.float32)
    for source, target in enumerate(targets):
        table[source, target] = 1.0
    eos_row = np.zeros((1, 1, size), dtype=np.float32)
    eos_row[0, 0, eos] = 1.0
    nodes = [
        helper.make_node("Gather", ["table", "input_ids"], ["looked_up"], axis=0),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "last_axis"], ["mask3"]),
        helper.make_node("Mul", ["looked_up", "mask3"], ["kept"]),
        helper.make_node("Sub", ["one", "mask3"], ["unmasked"]),
        helper.make_node("Mul", ["unmasked", "eos_row"], ["eos_fill"]),
        helper.make_node("Add", ["kept", "eos_fill"], ["last_hidden_state"]),
    ]
    inits = [numpy_helper.from_array(table, "table"), numpy_helper.from_array(eos_row, "eos_row"),
             numpy_helper.from_array(np.array([2], dtype=np.int64), "last_axis"),
             numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one")]
    return make_model(nodes, "encoder", [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
    ], [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch_size", "encoder_sequence_length", size])], inits)


def decoder(size, eos, pad):
    """logits[b, t] = 10 x (encoder state t, or </s> past the source's end, or where the source is masked) plus
    11 for pad, so only a decoder that bans pad reads the table."""
    eos_row = np.zeros((1, 1, size), dtype=np.float32)
    eos_row[0, 0, eos] = 1.0
    pad_bias = np.zeros((size,), dtype=np.float32)
    pad_bias[pad] = 11.0
    nodes = [
        helper.make_node("Shape", ["input_ids"], ["ids_shape"]),
        helper.make_node("Shape", ["encoder_hidden_states"], ["hidden_shape"]),
        helper.make_node("Gather", ["ids_shape", "zero"], ["batch"], axis=0),
        helper.make_node("Gather", ["ids_shape", "one_i"], ["steps"], axis=0),
        helper.make_node("Gather", ["hidden_shape", "two_i"], ["width"], axis=0),
        helper.make_node("Concat", ["batch", "steps", "width"], ["fill_shape"], axis=0),
        helper.make_node("Expand", ["eos_row", "fill_shape"], ["eos_fill"]),
        helper.make_node("Cast", ["encoder_attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "last_axis"], ["mask3"]),
        helper.make_node("Mul", ["encoder_hidden_states", "mask3"], ["kept"]),
        helper.make_node("Sub", ["one_f", "mask3"], ["unmasked"]),
        helper.make_node("Mul", ["unmasked", "eos_row"], ["masked_eos"]),
        helper.make_node("Add", ["kept", "masked_eos"], ["states"]),
        helper.make_node("Concat", ["states", "eos_fill"], ["long"], axis=1),
        helper.make_node("Slice", ["long", "zero", "steps", "one_i"], ["per_step"]),
        helper.make_node("Mul", ["per_step", "ten"], ["scaled"]),
        helper.make_node("Add", ["scaled", "pad_bias"], ["logits"]),
    ]
    inits = [numpy_helper.from_array(eos_row, "eos_row"), numpy_helper.from_array(pad_bias, "pad_bias"),
             numpy_helper.from_array(np.array([0], dtype=np.int64), "zero"),
             numpy_helper.from_array(np.array([1], dtype=np.int64), "one_i"),
             numpy_helper.from_array(np.array([2], dtype=np.int64), "two_i"),
             numpy_helper.from_array(np.array([2], dtype=np.int64), "last_axis"),
             numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one_f"),
             numpy_helper.from_array(np.array(10.0, dtype=np.float32), "ten")]
    return make_model(nodes, "decoder", [
        helper.make_tensor_value_info("encoder_attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
        helper.make_tensor_value_info("encoder_hidden_states", TensorProto.FLOAT, ["batch_size", "encoder_sequence_length", size]),
    ], [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", "decoder_sequence_length", size])], inits)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/models"
    base = os.path.join(root, "tiny-opus-mt-ko-en")
    os.makedirs(base, exist_ok=True)
    normal = spm.sentencepiece_model_pb2.ModelProto.SentencePiece.NORMAL
    characters = sorted({c for source, _ in TABLE for c in source.lstrip("▁")})
    source_pieces = [(s, -1.0, normal) for s, _ in TABLE] + [("▁", -5.0, normal)] + [(c, -10.0, normal) for c in characters]
    target_pieces = [(t, -1.0, normal) for _, t in TABLE] + [("▁", -5.0, normal)]
    with open(os.path.join(base, "source.spm"), "wb") as f:
        f.write(sentencepiece_model(source_pieces))
    with open(os.path.join(base, "target.spm"), "wb") as f:
        f.write(sentencepiece_model(target_pieces))

    # Marian's shared vocabulary: </s> 0, <unk> 1, then every piece once, <pad> last (opus-mt-ko-en: 65000).
    tokens = ["</s>", "<unk>"]
    for piece, _, _ in source_pieces + target_pieces:
        if piece not in tokens:
            tokens.append(piece)
    tokens.append("<pad>")
    vocab = {t: i for i, t in enumerate(tokens)}
    eos, unk, pad = vocab["</s>"], vocab["<unk>"], vocab["<pad>"]
    targets = [unk] * len(tokens)
    targets[eos] = eos
    for source, target in TABLE:
        targets[vocab[source]] = vocab[target]
    with open(os.path.join(base, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False, indent=1)

    save(encoder(targets, len(tokens), eos), os.path.join(base, "encoder_model.onnx"))
    save(decoder(len(tokens), eos, pad), os.path.join(base, "decoder_model.onnx"))
    config = {"model_type": "marian", "architectures": ["MarianMTModel"], "vocab_size": len(tokens),
              "decoder_start_token_id": pad, "pad_token_id": pad, "eos_token_id": eos, "max_length": 512}
    with open(os.path.join(base, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
    with open(os.path.join(base, "generation_config.json"), "w") as f:
        json.dump({"bad_words_ids": [[pad]], "decoder_start_token_id": pad, "eos_token_id": eos, "pad_token_id": pad,
                   "max_length": 512, "num_beams": 4}, f, indent=1)
    with open(os.path.join(base, "tokenizer_config.json"), "w") as f:
        json.dump({"tokenizer_class": "MarianTokenizer", "source_lang": "ko", "target_lang": "en", "model_max_length": 512,
                   "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"}, f, indent=1)
    print(f"tiny translator written under {base}")


if __name__ == "__main__":
    main()
