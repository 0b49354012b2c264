# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pupil_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListView, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from penportrait.gui.fields import (DateField, PhotoWell)

class Ui_PupilEditor(object):
    def setupUi(self, PupilEditor):
        if not PupilEditor.objectName():
            PupilEditor.setObjectName(u"PupilEditor")
        self.editorLayout = QVBoxLayout(PupilEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(PupilEditor)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.sections = QWidget()
        self.sections.setObjectName(u"sections")
        self.sectionsLayout = QVBoxLayout(self.sections)
        self.sectionsLayout.setObjectName(u"sectionsLayout")
        self.pupilBox = QGroupBox(self.sections)
        self.pupilBox.setObjectName(u"pupilBox")
        self.pupilForm = QFormLayout(self.pupilBox)
        self.pupilForm.setObjectName(u"pupilForm")
        self.firstNameLabel = QLabel(self.pupilBox)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.pupilForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstName = QLineEdit(self.pupilBox)
        self.firstName.setObjectName(u"firstName")

        self.pupilForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstName)

        self.lastNameLabel = QLabel(self.pupilBox)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.pupilForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastName = QLineEdit(self.pupilBox)
        self.lastName.setObjectName(u"lastName")

        self.pupilForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastName)

        self.preferredNameLabel = QLabel(self.pupilBox)
        self.preferredNameLabel.setObjectName(u"preferredNameLabel")

        self.pupilForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.preferredNameLabel)

        self.preferredName = QLineEdit(self.pupilBox)
        self.preferredName.setObjectName(u"preferredName")

        self.pupilForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.preferredName)

        self.pronounsLabel = QLabel(self.pupilBox)
        self.pronounsLabel.setObjectName(u"pronounsLabel")

        self.pupilForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pronounsLabel)

        self.pronouns = QComboBox(self.pupilBox)
        self.pronouns.setObjectName(u"pronouns")
        self.pronouns.setEditable(True)

        self.pupilForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pronouns)

        self.dateOfBirthLabel = QLabel(self.pupilBox)
        self.dateOfBirthLabel.setObjectName(u"dateOfBirthLabel")

        self.pupilForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateOfBirthLabel)

        self.dateOfBirth = DateField(self.pupilBox)
        self.dateOfBirth.setObjectName(u"dateOfBirth")

        self.pupilForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dateOfBirth)

        self.yearGroupLabel = QLabel(self.pupilBox)
        self.yearGroupLabel.setObjectName(u"yearGroupLabel")

        self.pupilForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.yearGroupLabel)

        self.yearGroup = QComboBox(self.pupilBox)
        self.yearGroup.setObjectName(u"yearGroup")
        self.yearGroup.setEditable(True)

        self.pupilForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.yearGroup)

        self.groupsLabel = QLabel(self.pupilBox)
        self.groupsLabel.setObjectName(u"groupsLabel")

        self.pupilForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.groupsLabel)

        self.groups = QLineEdit(self.pupilBox)
        self.groups.setObjectName(u"groups")

        self.pupilForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.groups)

        self.upnLabel = QLabel(self.pupilBox)
        self.upnLabel.setObjectName(u"upnLabel")

        self.pupilForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.upnLabel)

        self.upn = QLineEdit(self.pupilBox)
        self.upn.setObjectName(u"upn")

        self.pupilForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.upn)

        self.photoLabel = QLabel(self.pupilBox)
        self.photoLabel.setObjectName(u"photoLabel")

        self.pupilForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.photoLabel)

        self.photoLayout = QHBoxLayout()
        self.photoLayout.setObjectName(u"photoLayout")
        self.photoWell = PhotoWell(self.pupilBox)
        self.photoWell.setObjectName(u"photoWell")

        self.photoLayout.addWidget(self.photoWell)

        self.photoButtons = QVBoxLayout()
        self.photoButtons.setObjectName(u"photoButtons")
        self.choosePhoto = QPushButton(self.pupilBox)
        self.choosePhoto.setObjectName(u"choosePhoto")

        self.photoButtons.addWidget(self.choosePhoto)

        self.removePhoto = QPushButton(self.pupilBox)
        self.removePhoto.setObjectName(u"removePhoto")

        self.photoButtons.addWidget(self.removePhoto)

        self.photoConsent = QCheckBox(self.pupilBox)
        self.photoConsent.setObjectName(u"photoConsent")

        self.photoButtons.addWidget(self.photoConsent)

        self.photoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.photoButtons.addItem(self.photoSpacer)


        self.photoLayout.addLayout(self.photoButtons)

        self.photoRight = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photoLayout.addItem(self.photoRight)


        self.pupilForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.photoLayout)


        self.sectionsLayout.addWidget(self.pupilBox)

        self.sendBox = QGroupBox(self.sections)
        self.sendBox.setObjectName(u"sendBox")
        self.sendForm = QFormLayout(self.sendBox)
        self.sendForm.setObjectName(u"sendForm")
        self.statusLabel = QLabel(self.sendBox)
        self.statusLabel.setObjectName(u"statusLabel")

        self.sendForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(self.sendBox)
        self.status.setObjectName(u"status")

        self.sendForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.status)

        self.primaryNeedLabel = QLabel(self.sendBox)
        self.primaryNeedLabel.setObjectName(u"primaryNeedLabel")

        self.sendForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.primaryNeedLabel)

        self.primaryNeed = QComboBox(self.sendBox)
        self.primaryNeed.setObjectName(u"primaryNeed")

        self.sendForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.primaryNeed)

        self.secondaryNeedsLabel = QLabel(self.sendBox)
        self.secondaryNeedsLabel.setObjectName(u"secondaryNeedsLabel")

        self.sendForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.secondaryNeedsLabel)

        self.secondaryNeeds = QListWidget(self.sendBox)
        self.secondaryNeeds.setObjectName(u"secondaryNeeds")
        self.secondaryNeeds.setWordWrap(True)
        self.secondaryNeeds.setResizeMode(QListView.Adjust)

        self.sendForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.secondaryNeeds)

        self.summaryLabel = QLabel(self.sendBox)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.sendForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summary = QPlainTextEdit(self.sendBox)
        self.summary.setObjectName(u"summary")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summary.sizePolicy().hasHeightForWidth())
        self.summary.setSizePolicy(sizePolicy)
        self.summary.setMaximumSize(QSize(16777215, 90))
        self.summary.setTabChangesFocus(True)

        self.sendForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.summary)


        self.sectionsLayout.addWidget(self.sendBox)

        self.reviewBox = QGroupBox(self.sections)
        self.reviewBox.setObjectName(u"reviewBox")
        self.reviewForm = QFormLayout(self.reviewBox)
        self.reviewForm.setObjectName(u"reviewForm")
        self.lastReviewedLabel = QLabel(self.reviewBox)
        self.lastReviewedLabel.setObjectName(u"lastReviewedLabel")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lastReviewedLabel)

        self.lastReviewed = DateField(self.reviewBox)
        self.lastReviewed.setObjectName(u"lastReviewed")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lastReviewed)

        self.nextReviewLabel = QLabel(self.reviewBox)
        self.nextReviewLabel.setObjectName(u"nextReviewLabel")

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nextReviewLabel)

        self.nextReview = DateField(self.reviewBox)
        self.nextReview.setObjectName(u"nextReview")

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nextReview)

        self.writtenWithLabel = QLabel(self.reviewBox)
        self.writtenWithLabel.setObjectName(u"writtenWithLabel")

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.writtenWithLabel)

        self.writtenWith = QLineEdit(self.reviewBox)
        self.writtenWith.setObjectName(u"writtenWith")

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.writtenWith)

        self.authorLabel = QLabel(self.reviewBox)
        self.authorLabel.setObjectName(u"authorLabel")

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.authorLabel)

        self.author = QLineEdit(self.reviewBox)
        self.author.setObjectName(u"author")

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.author)


        self.sectionsLayout.addWidget(self.reviewBox)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sectionsLayout.addItem(self.bottomSpacer)

        self.scroll.setWidget(self.sections)

        self.editorLayout.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstName)
        self.lastNameLabel.setBuddy(self.lastName)
        self.preferredNameLabel.setBuddy(self.preferredName)
        self.pronounsLabel.setBuddy(self.pronouns)
        self.dateOfBirthLabel.setBuddy(self.dateOfBirth)
        self.yearGroupLabel.setBuddy(self.yearGroup)
        self.groupsLabel.setBuddy(self.groups)
        self.upnLabel.setBuddy(self.upn)
        self.statusLabel.setBuddy(self.status)
        self.primaryNeedLabel.setBuddy(self.primaryNeed)
        self.secondaryNeedsLabel.setBuddy(self.secondaryNeeds)
        self.summaryLabel.setBuddy(self.summary)
        self.lastReviewedLabel.setBuddy(self.lastReviewed)
        self.nextReviewLabel.setBuddy(self.nextReview)
        self.writtenWithLabel.setBuddy(self.writtenWith)
        self.authorLabel.setBuddy(self.author)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PupilEditor)

        QMetaObject.connectSlotsByName(PupilEditor)
    # setupUi

    def retranslateUi(self, PupilEditor):
        PupilEditor.setWindowTitle(QCoreApplication.translate("PupilEditor", u"Pupil", None))
        self.pupilBox.setTitle(QCoreApplication.translate("PupilEditor", u"The pupil", None))
        self.firstNameLabel.setText(QCoreApplication.translate("PupilEditor", u"&First name", None))
        self.lastNameLabel.setText(QCoreApplication.translate("PupilEditor", u"&Last name", None))
        self.preferredNameLabel.setText(QCoreApplication.translate("PupilEditor", u"Pr&eferred name", None))
        self.pronounsLabel.setText(QCoreApplication.translate("PupilEditor", u"Pro&nouns", None))
        self.dateOfBirthLabel.setText(QCoreApplication.translate("PupilEditor", u"&Date of birth", None))
        self.yearGroupLabel.setText(QCoreApplication.translate("PupilEditor", u"&Year group", None))
        self.groupsLabel.setText(QCoreApplication.translate("PupilEditor", u"&Groups", None))
        self.upnLabel.setText(QCoreApplication.translate("PupilEditor", u"&UPN", None))
        self.photoLabel.setText(QCoreApplication.translate("PupilEditor", u"Photo", None))
        self.choosePhoto.setText(QCoreApplication.translate("PupilEditor", u"C&hoose photo\u2026", None))
        self.removePhoto.setText(QCoreApplication.translate("PupilEditor", u"Remove photo", None))
        self.photoConsent.setText(QCoreApplication.translate("PupilEditor", u"Photo c&onsent", None))
        self.sendBox.setTitle(QCoreApplication.translate("PupilEditor", u"SEND", None))
        self.statusLabel.setText(QCoreApplication.translate("PupilEditor", u"SEND &status", None))
        self.primaryNeedLabel.setText(QCoreApplication.translate("PupilEditor", u"&Main area of need", None))
        self.secondaryNeedsLabel.setText(QCoreApplication.translate("PupilEditor", u"Other &needs", None))
        self.summaryLabel.setText(QCoreApplication.translate("PupilEditor", u"Needs in a &sentence", None))
        self.summary.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"One sentence: what the need is and since when", None))
        self.reviewBox.setTitle(QCoreApplication.translate("PupilEditor", u"Review", None))
        self.lastReviewedLabel.setText(QCoreApplication.translate("PupilEditor", u"Last &reviewed", None))
        self.nextReviewLabel.setText(QCoreApplication.translate("PupilEditor", u"Ne&xt review", None))
        self.writtenWithLabel.setText(QCoreApplication.translate("PupilEditor", u"&Written with", None))
        self.writtenWith.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"pupil, parent, speech and language therapist", None))
        self.authorLabel.setText(QCoreApplication.translate("PupilEditor", u"Au&thor", None))
    # retranslateUi

