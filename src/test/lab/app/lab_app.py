"""JupyterLab 4, assembled by build.mjs from its npm packages, served by Debian's jupyter_server 1.23 and
jupyterlab_server 2.16 the way JupyterLab's own example apps are: a LabServerApp whose static files,
settings schemas, themes and page template come from the build folder.

    KIT_LAB_BUILD=build/lab/app KIT_LAB_STATE=DIR /usr/bin/python3 lab_app.py --ServerApp.port=… …

KIT_LAB_STATE holds the user settings and workspaces (a temporary folder for a test run).
"""
import os

from jupyterlab_server import LabServerApp

BUILD = os.environ["KIT_LAB_BUILD"]
STATE = os.environ["KIT_LAB_STATE"]


class KitLab(LabServerApp):
    name = __name__
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False
    app_name = "JupyterLab"
    app_version = "4.6.4"
    static_dir = os.path.join(BUILD, "static")
    templates_dir = os.path.join(BUILD, "templates")
    app_settings_dir = os.path.join(BUILD, "application_settings")
    schemas_dir = os.path.join(BUILD, "schemas")
    themes_dir = os.path.join(BUILD, "themes")
    user_settings_dir = os.path.join(STATE, "user_settings")
    workspaces_dir = os.path.join(STATE, "workspaces")


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": KitLab}]


if __name__ == "__main__":
    KitLab.launch_instance()
