#!/usr/bin/python3
"""Writes a tiny ONNX model shaped like the Stable Diffusion safety checker's diffusers export, for MjBot's tests.

Run with Debian's interpreter and its python3-onnx package:
    /usr/bin/python3 eng/make-tiny-safety-checker.py tests/models
The output is committed (under 1 KB): tests/models/tiny-safety-checker/model.onnx with the export's interface,
  clip_input FLOAT [batch, 3, 224, 224] (CLIP-normalised), images FLOAT [batch, height, width, 3] (0..1)
  -> out_images (the images), has_nsfw_concepts BOOL [batch]
Its verdict is one the tests control: an image is flagged when it is strongly red in both inputs (mean red minus
mean green above 0.5 in `images`, and mean normalised red above 0.5 in `clip_input`), so a swapped or unnormalised
input changes the answer.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/models"
    nodes = [
        helper.make_node("Identity", ["images"], ["out_images"]),
        helper.make_node("Gather", ["images", "zero"], ["red"], axis=3),
        helper.make_node("Gather", ["images", "one"], ["green"], axis=3),
        helper.make_node("Sub", ["red", "green"], ["redness"]),
        helper.make_node("ReduceMean", ["redness"], ["redness_mean"], axes=[1, 2], keepdims=0),
        helper.make_node("Greater", ["redness_mean", "half"], ["red_image"]),
        helper.make_node("Gather", ["clip_input", "zero"], ["clip_red"], axis=1),
        helper.make_node("ReduceMean", ["clip_red"], ["clip_red_mean"], axes=[1, 2], keepdims=0),
        helper.make_node("Greater", ["clip_red_mean", "half"], ["red_clip"]),
        helper.make_node("And", ["red_image", "red_clip"], ["has_nsfw_concepts"]),
    ]
    inits = [
        numpy_helper.from_array(np.array(0, dtype=np.int64), "zero"),
        numpy_helper.from_array(np.array(1, dtype=np.int64), "one"),
        numpy_helper.from_array(np.array(0.5, dtype=np.float32), "half"),
    ]
    graph = helper.make_graph(nodes, "tiny-safety-checker", [
        helper.make_tensor_value_info("clip_input", TensorProto.FLOAT, ["batch", 3, 224, 224]),
        helper.make_tensor_value_info("images", TensorProto.FLOAT, ["batch", "height", "width", 3]),
    ], [
        helper.make_tensor_value_info("out_images", TensorProto.FLOAT, ["batch", "height", "width", 3]),
        helper.make_tensor_value_info("has_nsfw_concepts", TensorProto.BOOL, ["batch"]),
    ], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="mjbot-tiny-safety-checker")
    model.ir_version = 8
    onnx.checker.check_model(model)
    os.makedirs(os.path.join(root, "tiny-safety-checker"), exist_ok=True)
    onnx.save(model, os.path.join(root, "tiny-safety-checker", "model.onnx"))
    print(f"tiny safety checker written under {root}")


if __name__ == "__main__":
    main()
