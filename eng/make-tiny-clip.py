#!/usr/bin/python3
"""Writes tiny CLIP-shaped ONNX towers for MjBot's CLIP score tests.

Run with Debian's interpreter and its python3-onnx package, after eng/make-tiny-models.py (it reuses tiny-sd's
tokenizer):
    /usr/bin/python3 eng/make-tiny-clip.py tests/models
The output is committed (a few KB): tests/models/tiny-clip/ in the layout CLIP exports for transformers.js have
(text_model.onnx and vision_model.onnx, with the tokenizer's vocab.json and merges.txt):
  text_model.onnx    input_ids INT64 [batch, sequence] -> text_embeds FLOAT [batch, 3]
  vision_model.onnx  pixel_values FLOAT [batch, 3, 224, 224] (CLIP-normalised) -> image_embeds FLOAT [batch, 3]
The embeddings are colours, so a test knows the score: a word's embedding is its colour ("red" [1, 0, 0], "snow"
white, "fox" orange, "cat" grey; every other token nothing) summed over the prompt; an image's is its mean colour,
un-normalised. CLIP score = max(100 cos, 0): a red image scores 100 against "red" and about 58 against "snow".
"""
import json
import os
import shutil
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

COLOURS = {"red</w>": [1.0, 0.0, 0.0], "snow</w>": [1.0, 1.0, 1.0], "fox</w>": [1.0, 0.55, 0.1], "cat</w>": [0.5, 0.45, 0.4]}
MEAN = [0.48145466, 0.4578275, 0.40821073]
STD = [0.26862954, 0.26130258, 0.27577711]


def save(graph, path):
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="mjbot-tiny-clip")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/models"
    base = os.path.join(root, "tiny-clip")
    os.makedirs(base, exist_ok=True)
    for name in ("vocab.json", "merges.txt", "special_tokens_map.json"):
        shutil.copy(os.path.join(root, "tiny-sd", "tokenizer", name), os.path.join(base, name))
    vocab = json.load(open(os.path.join(base, "vocab.json"), encoding="utf-8"))
    table = np.zeros((len(vocab), 3), dtype=np.float32)
    for token, colour in COLOURS.items():
        table[vocab[token]] = colour

    text = helper.make_graph([
        helper.make_node("Gather", ["table", "input_ids"], ["per_token"], axis=0),
        helper.make_node("ReduceSum", ["per_token", "axis1"], ["text_embeds"], keepdims=0),
    ], "tiny-clip-text", [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("text_embeds", TensorProto.FLOAT, ["batch", 3])],
        [numpy_helper.from_array(table, "table"), numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1")])
    save(text, os.path.join(base, "text_model.onnx"))

    vision = helper.make_graph([
        helper.make_node("ReduceMean", ["pixel_values"], ["normalised"], axes=[2, 3], keepdims=0),
        helper.make_node("Mul", ["normalised", "std"], ["scaled"]),
        helper.make_node("Add", ["scaled", "mean"], ["image_embeds"]),
    ], "tiny-clip-vision", [helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch", 3, 224, 224])],
        [helper.make_tensor_value_info("image_embeds", TensorProto.FLOAT, ["batch", 3])],
        [numpy_helper.from_array(np.array(STD, dtype=np.float32), "std"), numpy_helper.from_array(np.array(MEAN, dtype=np.float32), "mean")])
    save(vision, os.path.join(base, "vision_model.onnx"))
    print(f"tiny CLIP written under {base}")


if __name__ == "__main__":
    main()
