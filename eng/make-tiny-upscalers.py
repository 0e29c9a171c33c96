#!/usr/bin/python3
"""Writes tiny Real-ESRGAN-shaped ONNX super-resolution models for the upscaler's tests.

Run with Debian's interpreter and its python3-onnx package:
    /usr/bin/python3 eng/make-tiny-upscalers.py tests/models
The output is committed (a few KB). Like Real-ESRGAN's ONNX exports: one input "input" FLOAT [1, 3, H, W] (RGB, 0..1,
any size), one output "output" FLOAT [1, 3, sH, sW]. Inside: a bilinear resize by s and a 3x3 convolution that
sharpens a little and tints red up by 0.02 (so a test can tell the model ran rather than a plain resize), clipped to
0..1. The convolution reads its neighbours, so tiles without enough overlap would show seams.
  tiny-esrgan-x2.onnx   s = 2 (a file, as upscaler models are usually shipped)
  tiny-esrgan-x4/model.onnx   s = 4 (a folder with model.onnx)
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def model(scale):
    kernel = np.zeros((3, 3, 3, 3), dtype=np.float32)
    for c in range(3):
        kernel[c, c] = np.array([[0, -0.05, 0], [-0.05, 1.2, -0.05], [0, -0.05, 0]], dtype=np.float32)
    bias = np.array([0.02, 0.0, 0.0], dtype=np.float32)
    nodes = [
        helper.make_node("Resize", ["input", "", "scales"], ["big"], mode="linear", coordinate_transformation_mode="half_pixel"),
        helper.make_node("Conv", ["big", "kernel", "bias"], ["sharp"], pads=[1, 1, 1, 1]),
        helper.make_node("Clip", ["sharp", "low", "high"], ["output"]),
    ]
    inits = [
        numpy_helper.from_array(np.array([1, 1, scale, scale], dtype=np.float32), "scales"),
        numpy_helper.from_array(kernel, "kernel"),
        numpy_helper.from_array(bias, "bias"),
        numpy_helper.from_array(np.array(0.0, dtype=np.float32), "low"),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "high"),
    ]
    graph = helper.make_graph(nodes, f"tiny-esrgan-x{scale}",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 3, "height", "width"])],
                              [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 3, "out_height", "out_width"])],
                              inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="mjbot-tiny-upscalers")
    m.ir_version = 8
    onnx.checker.check_model(m)
    return m


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/models"
    onnx.save(model(2), os.path.join(root, "tiny-esrgan-x2.onnx"))
    os.makedirs(os.path.join(root, "tiny-esrgan-x4"), exist_ok=True)
    onnx.save(model(4), os.path.join(root, "tiny-esrgan-x4", "model.onnx"))
    print(f"tiny upscalers written under {root}")


if __name__ == "__main__":
    main()
