# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'school_settings.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QDoubleSpinBox, QFormLayout, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_SchoolSettingsDialog(object):
    def setupUi(self, SchoolSettingsDialog):
        if not SchoolSettingsDialog.objectName():
            SchoolSettingsDialog.setObjectName(u"SchoolSettingsDialog")
        self.dialogLayout = QVBoxLayout(SchoolSettingsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.schoolNameLabel = QLabel(SchoolSettingsDialog)
        self.schoolNameLabel.setObjectName(u"schoolNameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.schoolNameLabel)

        self.schoolName = QLineEdit(SchoolSettingsDialog)
        self.schoolName.setObjectName(u"schoolName")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.schoolName)

        self.logoLabel = QLabel(SchoolSettingsDialog)
        self.logoLabel.setObjectName(u"logoLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.logoLabel)

        self.logoRow = QHBoxLayout()
        self.logoRow.setObjectName(u"logoRow")
        self.logoName = QLabel(SchoolSettingsDialog)
        self.logoName.setObjectName(u"logoName")

        self.logoRow.addWidget(self.logoName)

        self.chooseLogo = QPushButton(SchoolSettingsDialog)
        self.chooseLogo.setObjectName(u"chooseLogo")

        self.logoRow.addWidget(self.chooseLogo)

        self.removeLogo = QPushButton(SchoolSettingsDialog)
        self.removeLogo.setObjectName(u"removeLogo")

        self.logoRow.addWidget(self.removeLogo)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.logoRow)

        self.reviewWeeksLabel = QLabel(SchoolSettingsDialog)
        self.reviewWeeksLabel.setObjectName(u"reviewWeeksLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reviewWeeksLabel)

        self.reviewWeeks = QSpinBox(SchoolSettingsDialog)
        self.reviewWeeks.setObjectName(u"reviewWeeks")
        self.reviewWeeks.setMinimum(1)
        self.reviewWeeks.setMaximum(104)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reviewWeeks)

        self.baseFontLabel = QLabel(SchoolSettingsDialog)
        self.baseFontLabel.setObjectName(u"baseFontLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.baseFontLabel)

        self.baseFont = QDoubleSpinBox(SchoolSettingsDialog)
        self.baseFont.setObjectName(u"baseFont")
        self.baseFont.setDecimals(1)
        self.baseFont.setMinimum(9.000000000000000)
        self.baseFont.setMaximum(14.000000000000000)
        self.baseFont.setSingleStep(0.500000000000000)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.baseFont)


        self.dialogLayout.addLayout(self.form)

        self.coverBox = QGroupBox(SchoolSettingsDialog)
        self.coverBox.setObjectName(u"coverBox")
        self.coverGrid = QGridLayout(self.coverBox)
        self.coverGrid.setObjectName(u"coverGrid")

        self.dialogLayout.addWidget(self.coverBox)

        self.buttons = QDialogButtonBox(SchoolSettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.schoolNameLabel.setBuddy(self.schoolName)
        self.reviewWeeksLabel.setBuddy(self.reviewWeeks)
        self.baseFontLabel.setBuddy(self.baseFont)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SchoolSettingsDialog)
        self.buttons.accepted.connect(SchoolSettingsDialog.accept)
        self.buttons.rejected.connect(SchoolSettingsDialog.reject)

        QMetaObject.connectSlotsByName(SchoolSettingsDialog)
    # setupUi

    def retranslateUi(self, SchoolSettingsDialog):
        SchoolSettingsDialog.setWindowTitle(QCoreApplication.translate("SchoolSettingsDialog", u"School settings", None))
        self.schoolNameLabel.setText(QCoreApplication.translate("SchoolSettingsDialog", u"School &name", None))
        self.logoLabel.setText(QCoreApplication.translate("SchoolSettingsDialog", u"Logo", None))
        self.logoName.setText(QCoreApplication.translate("SchoolSettingsDialog", u"No logo", None))
        self.chooseLogo.setText(QCoreApplication.translate("SchoolSettingsDialog", u"&Choose logo\u2026", None))
        self.removeLogo.setText(QCoreApplication.translate("SchoolSettingsDialog", u"&Remove logo", None))
        self.reviewWeeksLabel.setText(QCoreApplication.translate("SchoolSettingsDialog", u"Review &every", None))
        self.reviewWeeks.setSuffix(QCoreApplication.translate("SchoolSettingsDialog", u" weeks", None))
        self.baseFontLabel.setText(QCoreApplication.translate("SchoolSettingsDialog", u"Page &text size", None))
        self.baseFont.setSuffix(QCoreApplication.translate("SchoolSettingsDialog", u" pt", None))
        self.coverBox.setTitle(QCoreApplication.translate("SchoolSettingsDialog", u"What cover and supply staff see", None))
    # retranslateUi

